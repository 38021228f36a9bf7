using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;

namespace Slotflow.Api.Tests;

/// <summary>
/// POST /v1/bookings/{id}/reschedule (spec §11.2) over HTTP: same id, new interval, judged on the calendar without the
/// booking itself, one transaction, booking.rescheduled with previous, no quota. New York, Mon–Fri 09:00–17:00 with
/// 30- and 60-minute meetings; the clock is 2026-03-01, and Monday 16 March is on EDT (10:00 local is 14:00Z).
/// </summary>
public sealed class RescheduleEndpointTests : ServiceFixture
{
    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""";
    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    protected override TimeProvider Clock => _clock;

    /// <summary>No delivery worker: the tests read the deliveries' bodies as the outbox stored them.</summary>
    protected override Dictionary<string, string?> Settings() => new() { ["Webhooks:WorkerEnabled"] = "false" };

    [SetUp]
    public async Task NewOrganizationAndHuman()
    {
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client, rules: Rules);
    }

    [Test]
    public async Task ToAFreeTime_KeepsTheIdAttendeeAndMetadata_FreesTheOldTime_AndTakesTheNewOne()
    {
        var booking = await BookAsync("2026-03-16T14:00:00Z", metadata: """{"crm":"D-42"}""");
        var id = booking.GetProperty("id").GetString()!;

        var response = await RescheduleAsync(id, """{"starts_at":"2026-03-17T15:00:00Z"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var moved = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(moved.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(moved.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-17T15:00:00.000Z"));
            Assert.That(moved.GetProperty("ends_at").GetString(), Is.EqualTo("2026-03-17T15:30:00.000Z"));
            Assert.That(moved.GetProperty("duration_minutes").GetInt32(), Is.EqualTo(30), "the booking's own duration when none is sent");
            Assert.That(moved.GetProperty("attendee_name").GetString(), Is.EqualTo("Grace Hopper"));
            Assert.That(moved.GetProperty("metadata").GetRawText(), Is.EqualTo("""{"crm":"D-42"}"""));
            Assert.That(moved.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(moved.GetProperty("created_at").GetString(), Is.EqualTo(booking.GetProperty("created_at").GetString()));
        });
        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"))).GetRawText(), Is.EqualTo(moved.GetRawText()));
        Assert.That(await SlotStartsAsync("2026-03-16"), Does.Contain("2026-03-16T14:00:00.000Z"), "the old time is free again");
        Assert.That(await SlotStartsAsync("2026-03-17"), Does.Not.Contain("2026-03-17T15:00:00.000Z"), "the new time is taken");
        await WireJson.AssertErrorAsync(await PostBookingAsync("2026-03-17T15:00:00Z"), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        Assert.That(await BookingRowsAsync(), Is.EqualTo(1), "one moved booking; the one refused at its new time was not made");
        Assert.That(await CountedAsync(), Is.EqualTo(1), "a reschedule does not count toward the quota");
    }

    [Test]
    public async Task TheWebhook_IsBookingRescheduled_WithTheBookingAndPrevious_OnlyToItsSubscribers()
    {
        var (rescheduled, _) = await WebhookTestKit.RegisterAsync(_organization.Client, "https://hooks.example.com/moves", "booking.rescheduled");
        var (confirmedOnly, _) = await WebhookTestKit.RegisterAsync(_organization.Client, "https://hooks.example.com/new", "booking.confirmed");
        var id = (await BookAsync("2026-03-16T14:00:00Z")).GetProperty("id").GetString()!;

        var moved = await WireJson.ReadAsync(await RescheduleAsync(id, """{"starts_at":"2026-03-16T18:00:00Z","duration":60}"""));

        var deliveries = await Factory.QueryAsync(db => db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.OrganizationId == _organization.Id).Select(d => new { d.WebhookId, d.Event, d.Payload }).ToListAsync());
        var toMoves = deliveries.Where(d => d.WebhookId == Guid.Parse(rescheduled)).ToList();
        Assert.That(toMoves, Has.Count.EqualTo(1));
        Assert.That(deliveries.Where(d => d.WebhookId == Guid.Parse(confirmedOnly)).Select(d => d.Event), Is.EqualTo(new[] { "booking.confirmed" }));
        using var payload = JsonDocument.Parse(toMoves[0].Payload);
        var root = payload.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(toMoves[0].Event, Is.EqualTo("booking.rescheduled"));
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "event", "created_at", "data", "previous" }));
            Assert.That(root.GetProperty("event").GetString(), Is.EqualTo("booking.rescheduled"));
            Assert.That(root.GetProperty("data").GetRawText(), Is.EqualTo(moved.GetRawText()));
            Assert.That(root.GetProperty("previous").GetRawText(), Is.EqualTo("""{"starts_at":"2026-03-16T14:00:00.000Z","ends_at":"2026-03-16T14:30:00.000Z"}"""));
        });

        var confirmedPayload = deliveries.Single(d => d.Event == "booking.confirmed").Payload;
        Assert.That(confirmedPayload, Does.Not.Contain("previous"), "Part one's events are as they were");
    }

    [Test]
    public async Task OntoItsOwnTimeShifted15Minutes_IsAllowed_AndItsOwnTimeAgainChangesNothing()
    {
        var id = (await BookAsync("2026-03-16T14:00:00Z", duration: 60)).GetProperty("id").GetString()!;
        var (webhookId, _) = await WebhookTestKit.RegisterAsync(_organization.Client, "https://hooks.example.com/moves", "booking.rescheduled");

        var shifted = await RescheduleAsync(id, """{"starts_at":"2026-03-16T14:15:00Z"}""");
        var again = await RescheduleAsync(id, """{"starts_at":"2026-03-16T14:15:00Z"}""");

        Assert.That(shifted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await shifted.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
        var booking = await WireJson.ReadAsync(again);
        Assert.That(
            (booking.GetProperty("starts_at").GetString(), booking.GetProperty("ends_at").GetString()),
            Is.EqualTo(("2026-03-16T14:15:00.000Z", "2026-03-16T15:15:00.000Z")));
        var deliveries = await Factory.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().CountAsync(d => d.WebhookId == Guid.Parse(webhookId)));
        Assert.That(deliveries, Is.EqualTo(1), "the second call moved nothing and sent nothing");
    }

    [Test]
    public async Task IntoAnotherBooking_Is409_WithTheConflictAndAlternatives_CountingItsOwnTimeAsFree_AndTheBookingIsUnchanged()
    {
        var mine = await BookAsync("2026-03-16T14:30:00Z");
        await BookAsync("2026-03-16T15:00:00Z");
        var id = mine.GetProperty("id").GetString()!;

        var error = await WireJson.AssertErrorAsync(
            await RescheduleAsync(id, """{"starts_at":"2026-03-16T15:00:00Z"}"""), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");

        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("conflict").GetRawText(), Is.EqualTo("""{"type":"booking","starts_at":"2026-03-16T15:00:00.000Z","ends_at":"2026-03-16T15:30:00.000Z"}"""));
            Assert.That(
                error.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("starts_at").GetString()),
                Is.EqualTo(new[] { "2026-03-16T15:30:00.000Z", "2026-03-16T14:30:00.000Z", "2026-03-16T16:00:00.000Z" }),
                "its own 14:30 is free for it");
        });
        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"))).GetRawText(), Is.EqualTo(mine.GetRawText()));
        var offered = await RescheduleAsync(id, """{"starts_at":"2026-03-16T15:30:00Z"}""");
        Assert.That(offered.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an offered alternative takes");
    }

    [TestCase("""{"starts_at":"2026-03-16T21:00:00Z"}""", "OUTSIDE_WORKING_HOURS")]
    [TestCase("""{"starts_at":"2026-03-16T14:00:00Z","duration":45}""", "INVALID_DURATION")]
    public async Task ARefusedTime_Is422_AndTheBookingIsUnchanged(string body, string code)
    {
        var mine = await BookAsync("2026-03-17T14:00:00Z");
        var id = mine.GetProperty("id").GetString()!;

        var error = await WireJson.AssertErrorAsync(await RescheduleAsync(id, body), HttpStatusCode.UnprocessableEntity, code);

        Assert.That(error.TryGetProperty("alternatives", out _), Is.EqualTo(code == "OUTSIDE_WORKING_HOURS"), "an interval's refusal carries alternatives");
        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"))).GetRawText(), Is.EqualTo(mine.GetRawText()));
    }

    [Test]
    public async Task UnderADailyLimitOfOne_MovingWithinTheDay_DoesNotCountItself()
    {
        var set = await _organization.Client.PutAsync($"/v1/humans/{_humanId}/availability", WireJson.Body(
            """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"daily_booking_limit":1}"""));
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var id = (await BookAsync("2026-03-16T14:00:00Z")).GetProperty("id").GetString()!;
        await BookAsync("2026-03-17T14:00:00Z");

        var sameDay = await RescheduleAsync(id, """{"starts_at":"2026-03-16T19:00:00Z"}""");
        var fullDay = await RescheduleAsync(id, """{"starts_at":"2026-03-17T19:00:00Z"}""");

        Assert.That(sameDay.StatusCode, Is.EqualTo(HttpStatusCode.OK), await sameDay.Content.ReadAsStringAsync());
        await WireJson.AssertErrorAsync(fullDay, HttpStatusCode.UnprocessableEntity, "BOOKING_LIMIT_REACHED");
    }

    [Test]
    public async Task ACancelledBooking_Is409BookingCancelled_AndStaysCancelled()
    {
        var id = (await BookAsync("2026-03-16T14:00:00Z")).GetProperty("id").GetString()!;
        Assert.That((await _organization.Client.DeleteAsync($"/v1/bookings/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await WireJson.AssertErrorAsync(await RescheduleAsync(id, """{"starts_at":"2026-03-17T14:00:00Z"}"""), HttpStatusCode.Conflict, "BOOKING_CANCELLED");

        var stored = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"));
        Assert.That((stored.GetProperty("status").GetString(), stored.GetProperty("starts_at").GetString()), Is.EqualTo(("cancelled", "2026-03-16T14:00:00.000Z")));
    }

    [Test]
    public async Task UnknownOrAnotherOrganizationsBooking_Is404_AndBadBodiesAre422NamingTheField()
    {
        var id = (await BookAsync("2026-03-16T14:00:00Z")).GetProperty("id").GetString()!;
        var other = await Factory.CreateOrganizationAsync();

        await WireJson.AssertErrorAsync(await RescheduleAsync(Guid.NewGuid().ToString(), """{"starts_at":"2026-03-17T14:00:00Z"}"""), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(
            await other.Client.PostAsync($"/v1/bookings/{id}/reschedule", WireJson.Body("""{"starts_at":"2026-03-17T14:00:00Z"}""")), HttpStatusCode.NotFound, "NOT_FOUND");
        foreach (var (body, field) in new[]
        {
            ("{}", "starts_at"), ("""{"starts_at":"2026-03-17T14:00:30Z"}""", "starts_at"), ("""{"starts_at":"2026-02-17T14:00:00Z"}""", "starts_at"),
            ("""{"starts_at":"2026-03-17T14:00:00Z","duration":0}""", "duration"), ("""{"starts_at":"2026-03-17T14:00:00Z","duration":"30"}""", "duration"),
        })
        {
            var error = await WireJson.AssertErrorAsync(await RescheduleAsync(id, body), HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field), body);
        }

        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"))).GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T14:00:00.000Z"));
    }

    [Test]
    public async Task AnIdempotencyKey_ReplaysTheFirstAnswer_AndRefusesAnotherBody()
    {
        var id = (await BookAsync("2026-03-16T14:00:00Z")).GetProperty("id").GetString()!;
        var key = Guid.NewGuid().ToString();

        var first = await RescheduleAsync(id, """{"starts_at":"2026-03-17T14:00:00Z"}""", key);
        await RescheduleAsync(id, """{"starts_at":"2026-03-18T14:00:00Z"}""");
        var replay = await RescheduleAsync(id, """{"starts_at":"2026-03-17T14:00:00Z"}""", key);
        var reused = await RescheduleAsync(id, """{"starts_at":"2026-03-19T14:00:00Z"}""", key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(replay.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That(await replay.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        await WireJson.AssertErrorAsync(reused, HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");
        Assert.That(
            (await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"))).GetProperty("starts_at").GetString(),
            Is.EqualTo("2026-03-18T14:00:00.000Z"), "the replay did not move it back");
    }

    [Test]
    public async Task TwentyReschedulesOfTwoBookingsIntoOneSlot_ExactlyOneBookingWins_TheOtherGets409s_TenRounds()
    {
        for (var round = 0; round < 10; round++)
        {
            var day = new DateTimeOffset(2026, 3, 16, 13, 0, 0, TimeSpan.Zero).AddDays(round / 5 * 7 + round % 5);
            var a = (await BookAsync(Instant(day))).GetProperty("id").GetString()!;
            var b = (await BookAsync(Instant(day.AddHours(1)))).GetProperty("id").GetString()!;
            var target = Instant(day.AddHours(3));

            var statuses = await Race.PostAsync(
                Factory, _organization.ApiKey,
                Enumerable.Range(0, 20).Select(i => ($"/v1/bookings/{(i % 2 == 0 ? a : b)}/reschedule", $$"""{"starts_at":"{{target}}"}""")));

            // The winner's other requests ask for the time it now has, which changes nothing and answers 200.
            var forA = statuses.Where((_, i) => i % 2 == 0).Distinct().ToList();
            var forB = statuses.Where((_, i) => i % 2 == 1).Distinct().ToList();
            Assert.That(new[] { forA, forB }, Is.EquivalentTo(new[] { new List<int> { 200 }, new List<int> { 409 } }), Race.Summary(statuses));
            var starts = await Factory.QueryAsync(db => db.Bookings.AsNoTracking()
                .Where(x => x.OrganizationId == _organization.Id && x.Status == BookingStatus.Confirmed && (x.Id == Guid.Parse(a) || x.Id == Guid.Parse(b)))
                .Select(x => x.StartsAt).ToListAsync());
            Assert.That(starts.Count(s => s == day.AddHours(3)), Is.EqualTo(1), $"round {round}: one booking holds the slot");
            Assert.That(starts.Count(s => s == day || s == day.AddHours(1)), Is.EqualTo(1), $"round {round}: the other kept its time");
        }
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> PostBookingAsync(string startsAt, int duration = 30, string metadata = "null") =>
        _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"{{startsAt}}","duration":{{duration}},"attendee_name":"Grace Hopper","metadata":{{metadata}}}"""));

    private async Task<JsonElement> BookAsync(string startsAt, int duration = 30, string metadata = "null")
    {
        var response = await PostBookingAsync(startsAt, duration, metadata);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private async Task<HttpResponseMessage> RescheduleAsync(string bookingId, string body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/bookings/{bookingId}/reschedule") { Content = WireJson.Body(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await _organization.Client.SendAsync(request);
    }

    private async Task<List<string?>> SlotStartsAsync(string date)
    {
        var slots = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{_humanId}/slots?date_from={date}&date_to={date}&duration=30"));
        return [.. slots.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString())];
    }

    private Task<int> BookingRowsAsync() =>
        Factory.QueryAsync(db => db.Bookings.AsNoTracking().CountAsync(b => b.OrganizationId == _organization.Id));

    private Task<int> CountedAsync() =>
        Factory.QueryAsync(db => db.MonthlyUsage.AsNoTracking().Where(u => u.OrganizationId == _organization.Id).SumAsync(u => u.Bookings));
}
