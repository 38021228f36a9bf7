using System.Net;
using System.Text;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>Every bad input answers the envelope with the right status and code, and changes nothing.</summary>
public sealed class BadInputTests : ServiceFixture
{
    private const string ValidRules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""";

    private TestOrganization _organization = null!;
    private string _humanId = null!;

    [OneTimeSetUp]
    public async Task ArrangeFixture()
    {
        _organization = await Factory.CreateOrganizationAsync();
        var created = await _organization.Client.PostAsync("/v1/humans", WireJson.Body(new { name = "Target", timezone = "America/New_York" }));
        _humanId = (await WireJson.ReadAsync(created)).GetProperty("id").GetString()!;
        var rules = await _organization.Client.PutAsync($"/v1/humans/{_humanId}/availability", WireJson.Body(ValidRules));
        Assert.That(rules.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static IEnumerable<TestCaseData> CreateHumanCases()
    {
        yield return Case("empty body", string.Empty, "body");
        yield return Case("malformed JSON", "{\"name\": ", "body");
        yield return Case("JSON null", "null", "body");
        yield return Case("JSON array", "[]", "body");
        yield return Case("name is a number", """{"name": 5, "timezone": "UTC"}""", "name");
        yield return Case("name missing", """{"timezone": "UTC"}""", "name");
        yield return Case("name blank", """{"name": "   ", "timezone": "UTC"}""", "name");
        yield return Case("name of 201 characters", $$"""{"name": "{{new string('n', 201)}}", "timezone": "UTC"}""", "name");
        yield return Case("unknown time zone", """{"name": "A", "timezone": "America/San_Francisco"}""", "timezone");
        yield return Case("Windows time zone id", """{"name": "A", "timezone": "Pacific Standard Time"}""", "timezone");
        yield return Case("time zone missing", """{"name": "A"}""", "timezone");
        yield return Case("time zone is a number", """{"name": "A", "timezone": 3}""", "timezone");
        yield return Case("tz file that is not a zone: localtime", """{"name": "A", "timezone": "localtime"}""", "timezone");
        yield return Case("tz file that is not a zone: posixrules", """{"name": "A", "timezone": "posixrules"}""", "timezone");
        yield return Case("tz file that is not a zone: right/UTC", """{"name": "A", "timezone": "right/UTC"}""", "timezone");
        yield return Case("email with a space", """{"name": "A", "timezone": "UTC", "email": "a b@example.com"}""", "email");
        yield return Case("email with a display name", """{"name": "A", "timezone": "UTC", "email": "Ada <ada@example.com>"}""", "email");
        yield return Case("name with a control character", """{"name": "A\u0000B", "timezone": "UTC"}""", "name");
        yield return Case("invalid email", """{"name": "A", "timezone": "UTC", "email": "not-an-email"}""", "email");
        yield return Case("duplicate property", """{"name": "A", "name": "B", "timezone": "UTC"}""", "name");

        static TestCaseData Case(string name, string body, string field) =>
            new TestCaseData(body, field).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(CreateHumanCases))]
    public async Task CreateHuman_WithBadInput_Returns422NamingTheField_AndCreatesNothing(string body, string field)
    {
        var before = await CountHumansAsync();

        var response = await _organization.Client.PostAsync("/v1/humans", WireJson.Body(body));

        await AssertValidationErrorAsync(response, field);
        Assert.That(await CountHumansAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHuman_WithUnsupportedContentType_Returns422()
    {
        var before = await CountHumansAsync();

        var response = await _organization.Client.PostAsync("/v1/humans", WireJson.Body("""{"name": "A", "timezone": "UTC"}""", "text/plain"));

        await AssertValidationErrorAsync(response, "body");
        Assert.That(await CountHumansAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateHuman_WithTwoMegabyteBody_Returns413PayloadTooLarge()
    {
        var before = await CountHumansAsync();
        var body = $$"""{"name": "{{new string('x', 2 * 1024 * 1024)}}", "timezone": "UTC"}""";

        // With Expect: 100-continue the refusal comes before the body is sent; otherwise the server's close after its 413
        // can reset the connection while the client is still sending, and the client never reads the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/humans") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        var response = await _organization.Client.SendAsync(request);

        await WireJson.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.That(await CountHumansAsync(), Is.EqualTo(before));
    }

    private static IEnumerable<TestCaseData> AvailabilityCases()
    {
        yield return Case("empty body", string.Empty, "body");
        yield return Case("malformed JSON", "{\"working_days\": [1,", "body");
        yield return Case("work_start after work_end", """{"working_days":[1],"work_start":"17:00","work_end":"09:00","meeting_durations":[30]}""", "work_start");
        yield return Case("work_start equals work_end", """{"working_days":[1],"work_start":"09:00","work_end":"09:00","meeting_durations":[30]}""", "work_start");
        yield return Case("hour 25", """{"working_days":[1],"work_start":"09:00","work_end":"25:00","meeting_durations":[30]}""", "work_end");
        yield return Case("single-digit hour", """{"working_days":[1],"work_start":"9:00","work_end":"17:00","meeting_durations":[30]}""", "work_start");
        yield return Case("24:00 as a start", """{"working_days":[1],"work_start":"24:00","work_end":"24:00","meeting_durations":[30]}""", "work_start");
        yield return Case("time as a number", """{"working_days":[1],"work_start":900,"work_end":"17:00","meeting_durations":[30]}""", "work_start");
        yield return Case("working day 0", """{"working_days":[0,1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30]}""", "working_days");
        yield return Case("working day 8", """{"working_days":[1,8],"work_start":"09:00","work_end":"17:00","meeting_durations":[30]}""", "working_days");
        yield return Case("duplicate days", """{"working_days":[1,1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30]}""", "working_days");
        yield return Case("no working days", """{"working_days":[],"work_start":"09:00","work_end":"17:00","meeting_durations":[30]}""", "working_days");
        yield return Case("day as a string", """{"working_days":[1,"2"],"work_start":"09:00","work_end":"17:00","meeting_durations":[30]}""", "working_days");
        yield return Case("duration 0", """{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[0]}""", "meeting_durations");
        yield return Case("duration 7", """{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[7]}""", "meeting_durations");
        yield return Case("duration 1000", """{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[1000]}""", "meeting_durations");
        yield return Case("duplicate durations", """{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,30]}""", "meeting_durations");
        yield return Case("fractional duration", """{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30.5]}""", "meeting_durations");
        yield return Case("durations missing", """{"working_days":[1],"work_start":"09:00","work_end":"17:00"}""", "meeting_durations");

        static TestCaseData Case(string name, string body, string field) =>
            new TestCaseData(body, field).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(AvailabilityCases))]
    public async Task SetAvailability_WithBadInput_Returns422NamingTheField_AndKeepsTheRules(string body, string field)
    {
        var before = await ReadHumanAsync();

        var response = await _organization.Client.PutAsync($"/v1/humans/{_humanId}/availability", WireJson.Body(body));

        await AssertValidationErrorAsync(response, field);
        Assert.That(await ReadHumanAsync(), Is.EqualTo(before));
    }

    [TestCase("not-a-uuid")]
    [TestCase("12345")]
    [TestCase("00000000-0000-0000-0000-00000000000g")]
    public async Task HumanPaths_WithNonUuidId_Return404(string id)
    {
        var before = await ReadHumanAsync();

        await WireJson.AssertErrorAsync(await _organization.Client.GetAsync($"/v1/humans/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await _organization.Client.DeleteAsync($"/v1/humans/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(
            await _organization.Client.PutAsync($"/v1/humans/{id}/availability", WireJson.Body(ValidRules)), HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.That(await ReadHumanAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task HumanPaths_WithUnknownUuid_Return404()
    {
        var id = Guid.NewGuid();

        await WireJson.AssertErrorAsync(await _organization.Client.GetAsync($"/v1/humans/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await _organization.Client.DeleteAsync($"/v1/humans/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(
            await _organization.Client.PutAsync($"/v1/humans/{id}/availability", WireJson.Body(ValidRules)), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    private static async Task AssertValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        var fields = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
            Assert.That(fields, Has.Some.StartsWith(field));
        });
    }

    private Task<int> CountHumansAsync() =>
        Factory.QueryAsync(db => Task.FromResult(db.Humans.Count(h => h.OrganizationId == _organization.Id)));

    private async Task<string> ReadHumanAsync() =>
        await (await _organization.Client.GetAsync($"/v1/humans/{_humanId}")).Content.ReadAsStringAsync();
}
