using System.Net;
using System.Text.Json;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// Refusals that help the agent retry (spec §11.3) over HTTP: a refused interval carries up to three nearest bookable
/// alternatives (each books 201 on a fresh copy) and, for SLOT_UNAVAILABLE, the conflicting booking; a check says the
/// same. New York, Mon–Fri 09:00–17:00; the clock is Monday 2 March 2026 14:00Z (09:00 EST).
/// </summary>
public sealed class AlternativesEndpointTests : ServiceFixture
{
    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    protected override TimeProvider Clock => _clock;

    [SetUp]
    public async Task CreateHuman()
    {
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client);
    }

    [Test]
    public async Task ATakenSlot_Is409_WithTheConflict_AndThreeAlternativesThatEachBook()
    {
        Assert.That((await BookAsync("2026-03-03T15:00:00Z")).StatusCode, Is.EqualTo(HttpStatusCode.Created)); // Tuesday 10:00

        var error = await WireJson.AssertErrorAsync(await BookAsync("2026-03-03T15:00:00Z"), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");

        Assert.That(error.GetProperty("conflict").GetRawText(), Is.EqualTo("""{"type":"booking","starts_at":"2026-03-03T15:00:00.000Z","ends_at":"2026-03-03T15:30:00.000Z"}"""));
        Assert.That(
            Starts(error),
            Is.EqualTo(new[] { "2026-03-03T15:30:00.000Z", "2026-03-03T14:30:00.000Z", "2026-03-03T16:00:00.000Z" }),
            "30 minutes after, 30 before (the later first), then an hour after");
        foreach (var alternative in Starts(error))
        {
            var booked = await BookAsync(alternative);
            Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), alternative);
            await _organization.Client.DeleteAsync($"/v1/bookings/{(await WireJson.ReadAsync(booked)).GetProperty("id").GetString()}");
        }
    }

    [Test]
    public async Task OutsideWorkingHours_CarriesAlternatives_AndNoConflict_AndTheCheckSaysTheSame()
    {
        var booking = await WireJson.AssertErrorAsync(await BookAsync("2026-03-03T12:00:00Z"), HttpStatusCode.UnprocessableEntity, "OUTSIDE_WORKING_HOURS");
        var check = await WireJson.ReadAsync(await _organization.Client.PostAsync("/v1/bookings/check", WireJson.Body(Body("2026-03-03T12:00:00Z"))));

        Assert.Multiple(() =>
        {
            Assert.That(Starts(booking), Is.EqualTo(new[] { "2026-03-03T14:00:00.000Z", "2026-03-03T14:30:00.000Z", "2026-03-03T15:00:00.000Z" }));
            Assert.That(booking.TryGetProperty("conflict", out _), Is.False);
            Assert.That(check.GetProperty("error").GetRawText(), Is.EqualTo(booking.GetRawText()));
        });
    }

    [Test]
    public async Task NothingFreeNearby_IsAnEmptyList_AndOtherRefusalsCarryNone()
    {
        await _organization.Client.PutAsync($"/v1/humans/{_humanId}/availability", WireJson.Body(
            """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"booking_horizon_days":1}"""));

        var beyond = await WireJson.AssertErrorAsync(await BookAsync("2026-04-01T14:00:00Z"), HttpStatusCode.UnprocessableEntity, "BEYOND_HORIZON");
        var duration = await WireJson.AssertErrorAsync(
            await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(Body("2026-03-02T15:00:00Z", 45))), HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");

        Assert.Multiple(() =>
        {
            Assert.That(beyond.GetProperty("alternatives").GetRawText(), Is.EqualTo("[]"));
            Assert.That(duration.TryGetProperty("alternatives", out _), Is.False);
        });
    }

    private static string[] Starts(JsonElement error) =>
        [.. error.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("starts_at").GetString()!)];

    private Task<HttpResponseMessage> BookAsync(string startsAt) =>
        _organization.Client.PostAsync("/v1/bookings", WireJson.Body(Body(startsAt)));

    private string Body(string startsAt, int duration = 30) =>
        $$"""{"human_id":"{{_humanId}}","starts_at":"{{startsAt}}","duration":{{duration}},"attendee_name":"Ada"}""";
}
