using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// Text that could not be stored or answered never gets past the door (422 naming the field, nothing written, the
/// idempotency key left unused), names a person reads are clean, and text already stored cannot fail a read.
/// </summary>
public sealed class HostileTextTests : ServiceFixture
{
    private const string AlwaysOpen = """{"working_days":[1,2,3,4,5,6,7],"work_start":"00:00","work_end":"24:00","meeting_durations":[30]}""";

    private TestOrganization _organization = null!;
    private string _humanId = null!;
    private int _nextStart;

    [OneTimeSetUp]
    public async Task ArrangeFixture()
    {
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client, "UTC", AlwaysOpen);
    }

    /// <summary>A distinct free half hour for each booking the fixture makes.</summary>
    private string NextStart() =>
        DateTime.UtcNow.Date.AddDays(3).AddMinutes(30 * Interlocked.Increment(ref _nextStart)).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private string Booking(string attendeeName = "Ada", string metadata = "null") =>
        $$"""{"human_id":"{{_humanId}}","starts_at":"{{NextStart()}}","duration":30,"attendee_name":"{{attendeeName}}","metadata":{{metadata}}}""";

    private static IEnumerable<TestCaseData> UnpairedSurrogateBookings()
    {
        yield return Case("in a metadata value", "Ada", """{"note":"\ud800"}""", "metadata.note");
        yield return Case("deep in metadata", "Ada", """{"a":{"b":[{"c":"ok \udc00"}]}}""", "metadata.a.b.c");
        yield return Case("in a metadata key", "Ada", """{"a":{"\ud800x":1}}""", "metadata.a");
        yield return Case("in a metadata array", "Ada", """{"tags":["fine","\udbff"]}""", "metadata.tags");
        yield return Case("in attendee_name", "Ada \\ud800", "null", "attendee_name");
        yield return Case("a pair in the wrong order", "\\udc00\\ud800", "null", "attendee_name");

        static TestCaseData Case(string name, string attendee, string metadata, string field) =>
            new TestCaseData(attendee, metadata, field).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(UnpairedSurrogateBookings))]
    public async Task CreateBooking_WithAnUnpairedSurrogate_Returns422NamingTheField_WritesNothing_AndLeavesTheKeyUnused(
        string attendee, string metadata, string field)
    {
        var before = await CountsAsync();
        var key = Guid.NewGuid().ToString();

        var refused = await PostAsync("/v1/bookings", Booking(attendee, metadata), key);

        await AssertValidationErrorAsync(refused, field);
        Assert.That(await CountsAsync(), Is.EqualTo(before), "no booking, no usage, no idempotency record");

        var retried = await PostAsync("/v1/bookings", Booking("Ada", """{"note":"fixed"}"""), key);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retried.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task CreateBooking_WithAValidSurrogatePairEscaped_Returns201AndAnswersTheSameText()
    {
        var response = await PostAsync("/v1/bookings", Booking("Ada \\ud83d\\ude00", """{"mood":"\ud83d\ude00"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var booking = await WireJson.ReadAsync(response);
        Assert.That(booking.GetProperty("attendee_name").GetString(), Is.EqualTo("Ada 😀"));
        Assert.That(booking.GetProperty("metadata").GetProperty("mood").GetString(), Is.EqualTo("😀"));
    }

    [Test]
    public async Task CreateBooking_WithInvalidUtf8Bytes_Returns422ForTheBody()
    {
        var before = await CountsAsync();
        var bytes = Encoding.UTF8.GetBytes(Booking("Ada", """{"note":"Z"}"""));
        bytes[Array.LastIndexOf(bytes, (byte)'Z')] = 0xFF;

        var response = await _organization.Client.PostAsync("/v1/bookings", new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } });

        await AssertValidationErrorAsync(response, "body");
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    private static IEnumerable<TestCaseData> OtherBodies()
    {
        yield return Case("human name", "/v1/humans", """{"name":"A\ud800","timezone":"UTC"}""", "name");
        yield return Case("human role", "/v1/humans", """{"name":"A","timezone":"UTC","role":"\udfff"}""", "role");
        yield return Case("webhook url", "/v1/webhooks", """{"url":"https://example.com/\ud800","events":["booking.confirmed"]}""", "url");
        yield return Case("webhook event", "/v1/webhooks", """{"url":"https://example.com/h","events":["\ud800"]}""", "events");

        static TestCaseData Case(string name, string path, string body, string field) =>
            new TestCaseData(path, body, field).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(OtherBodies))]
    public async Task Create_WithAnUnpairedSurrogateInAnyField_Returns422NamingIt(string path, string body, string field)
    {
        var before = await CountsAsync();

        await AssertValidationErrorAsync(await PostAsync(path, body), field);
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateOverride_WithAnUnpairedSurrogateInTheTitle_Returns422NamingIt()
    {
        var response = await PostAsync($"/v1/humans/{_humanId}/overrides", """{"type":"block","title":"Dentist \ud800","all_day":true,"start_date":"2030-01-01"}""");

        await AssertValidationErrorAsync(response, "title");
    }

    [TestCase("/v1/bookings?status=%ED%A0%80", "status")]
    [TestCase("/v1/bookings?human_id=%FF%FE", "human_id")]
    public async Task Query_WithPercentEncodedBytesThatAreNotUtf8_Returns422NamingTheParameter(string path, string parameter)
    {
        // Percent-decoding never yields an unpaired surrogate (bytes that are not UTF-8 stay encoded or become U+FFFD):
        // the parameter is simply a bad value, and the answer a 422 naming it, never a 500.
        await AssertValidationErrorAsync(await _organization.Client.GetAsync(path), parameter);
    }

    private static IEnumerable<TestCaseData> UnreadableNames()
    {
        yield return Case("NUL", "A\\u0000B");
        yield return Case("ESC", "\\u001b[2JA");
        yield return Case("C1 control", "A\\u0085");
        yield return Case("right-to-left override", "Ada\\u202Egpj.exe");
        yield return Case("isolate", "\\u2066Ada");
        yield return Case("zero-width only", "\\u200B\\u200D");
        yield return Case("blank", "   ");

        static TestCaseData Case(string name, string text) => new TestCaseData(text).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(UnreadableNames))]
    public async Task EveryNameAPersonReads_RefusesUnreadableText_WithTheSameMessage(string text)
    {
        var before = await CountsAsync();
        var responses = new (HttpResponseMessage Response, string Field)[]
        {
            (await PostAsync("/v1/bookings", Booking(text)), "attendee_name"),
            (await PostAsync("/v1/humans", $$"""{"name":"{{text}}","timezone":"UTC"}"""), "name"),
            (await PostAsync("/v1/humans", $$"""{"name":"Ada","timezone":"UTC","role":"{{text}}"}"""), "role"),
            (await PostAsync($"/v1/humans/{_humanId}/overrides", $$"""{"type":"block","title":"{{text}}","all_day":true,"start_date":"2030-01-01"}"""), "title"),
        };

        foreach (var (response, field) in responses)
        {
            var error = await AssertValidationErrorAsync(response, field);
            Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(
                $"{field} must be 1 to 200 characters of readable text: not blank, not only invisible characters, and without control or bidirectional-override characters."));
        }

        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task ListBookings_WithARepeatedParameter_Returns422NamingIt()
    {
        await AssertValidationErrorAsync(await _organization.Client.GetAsync($"/v1/bookings?limit=10&limit=20"), "limit");
        await AssertValidationErrorAsync(await _organization.Client.GetAsync($"/v1/humans/{_humanId}/slots?date_from=2030-01-01&date_to=2030-01-01&duration=60&duration=30"), "duration");
    }

    [Test]
    public async Task ListBookings_WithDateToBeforeDateFrom_Returns422NamingDateTo() =>
        await AssertValidationErrorAsync(await _organization.Client.GetAsync("/v1/bookings?date_from=2030-01-02&date_to=2030-01-01"), "date_to");

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Health_WithAWrongMethod_Returns405InTheEnvelope(string method)
    {
        using var client = Factory.ClientWith(null);
        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            await WireJson.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        }
    }

    [Test]
    public async Task Metadata_NestedDeeperThanTheLimit_Returns422NamingMetadataAndTheLimit()
    {
        var before = await CountsAsync();
        // The body is the first level, so metadata itself may nest 31.
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 32)) + "1" + new string('}', 32);

        var error = await AssertValidationErrorAsync(await PostAsync("/v1/bookings", Booking("Ada", deep)), "metadata");

        Assert.That(error.GetProperty("message").GetString(), Does.Contain("32"));
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [TestCase(1)]
    [TestCase(31)]
    public async Task Metadata_NestedWithinTheLimit_IsBooked(int depth)
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

        var response = await PostAsync("/v1/bookings", Booking("Ada", nested));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task StoredTextThatIsNotValidUnicode_IsShownWithReplacementCharacters_AndEveryReadAndTheCancelAnswer()
    {
        await using var receiver = new WebhookReceiver();
        var organization = await Factory.CreateOrganizationAsync();
        var human = await HumanSetup.CreateAsync(organization.Client, "UTC", AlwaysOpen);
        var webhook = await organization.Client.PostAsync("/v1/webhooks", WireJson.Body(new { url = receiver.Url, events = new[] { "booking.confirmed", "booking.cancelled" } }));
        Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var created = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$$"""{"human_id":"{{{human}}}","starts_at":"{{{NextStart()}}}","duration":30,"attendee_name":"Ada","metadata":{"note":"x"}}"""));
        var id = Guid.Parse((await WireJson.ReadAsync(created)).GetProperty("id").GetString()!);

        // As a row written before the door checked it: an escaped unpaired surrogate inside the stored object.
        await Factory.QueryAsync(db => db.Bookings.Where(b => b.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Metadata, """{"note":"\ud800","\udc00":["ok \ud83d\ude00"]}""")));

        var one = await organization.Client.GetAsync($"/v1/bookings/{id}");
        var list = await organization.Client.GetAsync("/v1/bookings");
        var cancelled = await organization.Client.DeleteAsync($"/v1/bookings/{id}");

        Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.OK), await one.Content.ReadAsStringAsync());
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), await list.Content.ReadAsStringAsync());
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK), await cancelled.Content.ReadAsStringAsync());
        var metadata = (await WireJson.ReadAsync(one)).GetProperty("metadata");
        Assert.That(metadata.GetProperty("note").GetString(), Is.EqualTo("\uFFFD"));
        Assert.That(metadata.GetProperty("\uFFFD")[0].GetString(), Is.EqualTo("ok 😀"));
        Assert.That((await WireJson.ReadAsync(list)).GetProperty("bookings")[0].GetProperty("metadata").GetProperty("note").GetString(), Is.EqualTo("\uFFFD"));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = WireJson.Body(json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await _organization.Client.SendAsync(request);
    }

    private static async Task<System.Text.Json.JsonElement> AssertValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        var fields = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
            Assert.That(fields, Has.Some.EqualTo(field));
        });
        return error;
    }

    private Task<(int Bookings, int Humans, int Webhooks, int Overrides, int Keys)> CountsAsync() =>
        Factory.QueryAsync(async db => (
            await db.Bookings.CountAsync(b => b.OrganizationId == _organization.Id),
            await db.Humans.CountAsync(h => h.OrganizationId == _organization.Id),
            await db.Webhooks.CountAsync(w => w.OrganizationId == _organization.Id),
            await db.Set<Slotflow.Domain.Humans.ScheduleOverride>().CountAsync(o => o.HumanId == Guid.Parse(_humanId)),
            await db.Set<Slotflow.Infrastructure.Idempotency.IdempotencyRecord>().CountAsync(r => r.OrganizationId == _organization.Id)));
}
