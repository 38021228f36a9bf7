using System.Net;
using System.Text.Json;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>Each humans endpoint's success shape, field by field against spec §4–5.</summary>
public sealed class HumansEndpointTests : ServiceFixture
{
    private static readonly string[] HumanFields = ["id", "name", "email", "role", "timezone", "active", "created_at"];
    private const string InstantPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task ArrangeFixture()
    {
        _client = (await Factory.CreateOrganizationAsync()).Client;
    }

    [Test]
    public async Task Create_WithAllFields_Returns201WithTheHuman()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var response = await _client.PostAsync("/v1/humans", WireJson.Body(new { name = "Ada Lovelace", email = "ada@example.com", role = "Sales", timezone = "America/New_York" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var human = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(human), Is.EqualTo(HumanFields));
            Assert.That(Guid.TryParse(human.GetProperty("id").GetString(), out _), Is.True);
            Assert.That(human.GetProperty("name").GetString(), Is.EqualTo("Ada Lovelace"));
            Assert.That(human.GetProperty("email").GetString(), Is.EqualTo("ada@example.com"));
            Assert.That(human.GetProperty("role").GetString(), Is.EqualTo("Sales"));
            Assert.That(human.GetProperty("timezone").GetString(), Is.EqualTo("America/New_York"));
            Assert.That(human.GetProperty("active").GetBoolean(), Is.True);
            Assert.That(human.GetProperty("created_at").GetString(), Does.Match(InstantPattern));
            Assert.That(human.GetProperty("created_at").GetDateTimeOffset(), Is.GreaterThan(before));
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith($"/v1/humans/{human.GetProperty("id").GetString()}"));
        });
    }

    [Test]
    public async Task Create_WithoutOptionalFields_WritesThemAsNull()
    {
        var response = await _client.PostAsync("/v1/humans", WireJson.Body(new { name = "Grace", timezone = "Asia/Kathmandu" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var human = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(human), Is.EqualTo(HumanFields));
            Assert.That(human.GetProperty("email").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(human.GetProperty("role").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Get_BeforeAvailabilityIsSet_ReturnsRulesAsNull()
    {
        var id = await CreateHumanAsync("Linus");

        var response = await _client.GetAsync($"/v1/humans/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var human = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(human), Is.EqualTo(HumanFields.Append("availability_rules")));
            Assert.That(human.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(human.GetProperty("availability_rules").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task SetAvailability_ReplacesRulesAndAnswersTheHumanWithThem()
    {
        var id = await CreateHumanAsync("Barbara");
        await PutAvailabilityAsync(id, new { working_days = new[] { 1, 2, 3 }, work_start = "08:00", work_end = "12:00", meeting_durations = new[] { 15 } });

        var response = await PutAvailabilityAsync(id, new { working_days = new[] { 5, 1, 2, 3, 4 }, work_start = "09:00", work_end = "24:00", meeting_durations = new[] { 60, 30 } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var human = await WireJson.ReadAsync(response);
        var rules = human.GetProperty("availability_rules");
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(human), Is.EqualTo(HumanFields.Append("availability_rules")));
            Assert.That(WireJson.PropertyNames(rules), Is.EqualTo(new[]
            {
                "working_days", "work_start", "work_end", "meeting_durations", "slot_interval", "buffer_before", "buffer_after",
                "minimum_notice", "booking_horizon_days", "daily_booking_limit", "weekly_booking_limit", "weekly_hours",
            }));
            Assert.That(rules.GetRawText(), Does.EndWith("""
                "slot_interval":null,"buffer_before":0,"buffer_after":0,"minimum_notice":0,"booking_horizon_days":null,"daily_booking_limit":null,"weekly_booking_limit":null,"weekly_hours":null}
                """), "the four-field PUT leaves every rule of spec §10 at its default");
            Assert.That(rules.GetProperty("working_days").EnumerateArray().Select(d => d.GetInt32()), Is.EqualTo(new[] { 5, 1, 2, 3, 4 }));
            Assert.That(rules.GetProperty("work_start").GetString(), Is.EqualTo("09:00"));
            Assert.That(rules.GetProperty("work_end").GetString(), Is.EqualTo("24:00"));
            Assert.That(rules.GetProperty("meeting_durations").EnumerateArray().Select(d => d.GetInt32()), Is.EqualTo(new[] { 60, 30 }));
        });

        var reread = await WireJson.ReadAsync(await _client.GetAsync($"/v1/humans/{id}"));
        Assert.That(reread.GetProperty("availability_rules").ToString(), Is.EqualTo(rules.ToString()));
    }

    [Test]
    public async Task List_ReturnsActiveHumansAndTotal()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var first = await CreateHumanAsync("First", organization.Client);
        var second = await CreateHumanAsync("Second", organization.Client);

        var response = await organization.Client.GetAsync("/v1/humans");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var list = await WireJson.ReadAsync(response);
        var humans = list.GetProperty("humans").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(list), Is.EqualTo(new[] { "humans", "total" }));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(humans.Select(h => h.GetProperty("id").GetString()), Is.EqualTo(new[] { first, second }));
            Assert.That(humans.Select(WireJson.PropertyNames), Has.All.EqualTo(HumanFields));
        });
    }

    [Test]
    public async Task Delete_SoftDeletes_AndAnswersDeletedTrue()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var id = await CreateHumanAsync("Temp", organization.Client);

        var response = await organization.Client.DeleteAsync($"/v1/humans/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(body), Is.EqualTo(new[] { "deleted", "id" }));
            Assert.That(body.GetProperty("deleted").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("id").GetString(), Is.EqualTo(id));
        });

        await WireJson.AssertErrorAsync(await organization.Client.GetAsync($"/v1/humans/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await organization.Client.DeleteAsync($"/v1/humans/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(
            await organization.Client.PutAsync($"/v1/humans/{id}/availability", WireJson.Body(new { working_days = new[] { 1 }, work_start = "09:00", work_end = "10:00", meeting_durations = new[] { 30 } })),
            HttpStatusCode.NotFound,
            "NOT_FOUND");
        var list = await WireJson.ReadAsync(await organization.Client.GetAsync("/v1/humans"));
        Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);

        var stored = await Factory.QueryAsync(db => Task.FromResult(db.Humans.Single(h => h.Id == Guid.Parse(id))));
        Assert.That(stored.Active, Is.False, "the row is kept, only deactivated");
    }

    [Test]
    public async Task GetAndDelete_WithJsonContentTypeAndNoBody_Work()
    {
        var id = await CreateHumanAsync("Header");
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v1/humans/{id}") { Content = WireJson.Body(string.Empty) };
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/v1/humans/{id}") { Content = WireJson.Body(string.Empty) };

        Assert.That((await _client.SendAsync(get)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _client.SendAsync(delete)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<string> CreateHumanAsync(string name, HttpClient? client = null)
    {
        var response = await (client ?? _client).PostAsync("/v1/humans", WireJson.Body(new { name, timezone = "Europe/London" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await WireJson.ReadAsync(response)).GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> PutAvailabilityAsync(string id, object rules) =>
        _client.PutAsync($"/v1/humans/{id}/availability", WireJson.Body(rules));
}
