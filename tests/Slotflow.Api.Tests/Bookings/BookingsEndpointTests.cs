using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// POST, GET and DELETE /v1/bookings (spec §4–6) over HTTP, with the service's clock held at 2026-03-01T00:00Z and a
/// human in America/New_York working Mon–Fri 09:00–17:00 with 30- and 60-minute meetings. March 16–22, 2026 is on
/// EDT, so local 10:00 is 14:00Z. No test here races requests against each other. The fixture and its helpers are
/// here; the tests are in the files beside it, one behaviour each.
/// </summary>
public sealed partial class BookingsEndpointTests : ServiceFixture
{
    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""";
    private const string Monday = "2026-03-16";
    private const string Tuesday = "2026-03-17";
    private const string Wednesday = "2026-03-18";
    private const string Saturday = "2026-03-21";

    private static readonly DateTimeOffset HeldNow = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] BookingFields =
        ["id", "human_id", "starts_at", "ends_at", "duration_minutes", "attendee_name", "attendee_email", "status", "metadata", "created_at"];

    private readonly SettableClock _clock = new(HeldNow);
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    protected override TimeProvider Clock => _clock;

    /// <summary>Each test gets its own organization (the plan caps humans), one human, and the clock at 2026-03-01.</summary>
    [SetUp]
    public async Task NewOrganizationHumanAndClock()
    {
        _clock.Now = HeldNow;
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client, rules: Rules);
    }

    /// <summary>A wall-clock time on a date of March 16–22, 2026 in New York (EDT, −04:00).</summary>
    private static string At(string date, string localTime) => $"{date}T{localTime}:00-04:00";

    private static string BookingJson(string humanId, string startsAt, int duration = 30, string extra = "") =>
        $$"""{"human_id":"{{humanId}}","starts_at":"{{startsAt}}","duration":{{duration}},"attendee_name":"Grace Hopper"{{extra}}}""";

    /// <summary>A JSON object whose serialised text is exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string MetadataOfBytes(int bytes) => $$"""{"pad":"{{new string('x', bytes - """{"pad":""}""".Length)}}"}""";

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;

    private static IReadOnlyList<string?> Ids(JsonElement list) =>
        [.. list.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("id").GetString())];

    private static IReadOnlyList<string?> Expected(Dictionary<char, JsonElement> bookings, string letters) =>
        [.. letters.Select(letter => bookings[letter].GetProperty("id").GetString())];

    private Task<HttpResponseMessage> PostAsync(string json) => _organization.Client.PostAsync("/v1/bookings", WireJson.Body(json));

    private async Task<JsonElement> BookAsync(string startsAt, int duration = 30, string extra = "", string? humanId = null, HttpClient? client = null)
    {
        var response = await (client ?? _organization.Client).PostAsync("/v1/bookings", WireJson.Body(BookingJson(humanId ?? _humanId, startsAt, duration, extra)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private async Task CancelAsync(JsonElement booking)
    {
        var response = await _organization.Client.DeleteAsync($"/v1/bookings/{booking.GetProperty("id").GetString()}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>
    /// A: Monday 10:00 local (14:00Z); B: Tuesday 16:30 local (20:30Z); C: Tuesday 20:30 local in an evening open
    /// override, which is already Wednesday 00:30 in UTC; D: Wednesday 09:00 local (13:00Z). Created out of order.
    /// </summary>
    private async Task<Dictionary<char, JsonElement>> CreateFourBookingsAsync()
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"open","title":"Evening","start_date":"2026-03-17","start_time":"19:00","end_time":"22:00"}""");
        var bookings = new Dictionary<char, JsonElement>
        {
            ['B'] = await BookAsync(At(Tuesday, "16:30")),
            ['D'] = await BookAsync(At(Wednesday, "09:00")),
            ['A'] = await BookAsync(At(Monday, "10:00")),
            ['C'] = await BookAsync(At(Tuesday, "20:30")),
        };
        Assert.That(bookings['C'].GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-18T00:30:00.000Z"));
        return bookings;
    }

    private async Task<JsonElement> ListAsync(string query, HttpClient? client = null)
    {
        var response = await (client ?? _organization.Client).GetAsync($"/v1/bookings?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private async Task<int> TotalAsync(HttpClient? client = null) => (await ListAsync(string.Empty, client)).GetProperty("total").GetInt32();

    private async Task<List<string>> SlotStartsAsync(string url)
    {
        var response = await _organization.Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return [.. (await WireJson.ReadAsync(response)).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()!)];
    }

    private static async Task AssertValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        var fields = error.TryGetProperty("details", out var details)
            ? details.EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList()
            : [];
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field), error.GetRawText());
            Assert.That(fields, Has.Some.StartsWith(field), error.GetRawText());
        });
    }
}
