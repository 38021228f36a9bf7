using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// Holds (spec §11.1) over HTTP: a hold occupies its time for everyone until it expires (by the clock alone) or is
/// released; confirm turns it into a booking atomically, once. New York, Mon–Fri 09:00–17:00 with 30-minute meetings;
/// the clock is held at 2026-03-01T00:00Z, and Monday 16 March is on EDT (10:00 local is 14:00Z).
/// </summary>
public sealed class HoldsEndpointTests : ServiceFixture
{
    private const string MondayTen = "2026-03-16T14:00:00Z";
    private static readonly DateTimeOffset HeldNow = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] HoldFields =
        ["id", "human_id", "starts_at", "ends_at", "duration_minutes", "expires_at", "status", "booking_id", "metadata", "created_at"];

    private readonly SettableClock _clock = new(HeldNow);
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    protected override TimeProvider Clock => _clock;

    [SetUp]
    public async Task NewOrganizationAndHuman()
    {
        _clock.Now = HeldNow;
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client);
    }

    [Test]
    public async Task AHold_Is201_AndHidesItsTime_FromSlots_Bookings_OtherHolds_AndReschedules()
    {
        var response = await PlaceAsync(MondayTen, extra: ""","ttl_seconds":120,"metadata":{"lead":"L-7"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var hold = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(hold.EnumerateObject().Select(p => p.Name), Is.EqualTo(HoldFields));
            Assert.That(hold.GetProperty("status").GetString(), Is.EqualTo("held"));
            Assert.That(hold.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T14:00:00.000Z"));
            Assert.That(hold.GetProperty("ends_at").GetString(), Is.EqualTo("2026-03-16T14:30:00.000Z"));
            Assert.That(hold.GetProperty("expires_at").GetString(), Is.EqualTo("2026-03-01T00:02:00.000Z"));
            Assert.That(hold.GetProperty("booking_id").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(hold.GetProperty("metadata").GetRawText(), Is.EqualTo("""{"lead":"L-7"}"""));
            Assert.That(response.Headers.Location?.OriginalString, Does.EndWith($"/v1/holds/{hold.GetProperty("id").GetString()}"));
        });
        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/holds/{Id(hold)}"))).GetRawText(), Is.EqualTo(hold.GetRawText()));
        Assert.That(await SlotStartsAsync(), Does.Not.Contain("2026-03-16T14:00:00.000Z"));

        var booking = await WireJson.AssertErrorAsync(await BookAsync(MondayTen), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        Assert.That(booking.GetProperty("conflict").GetRawText(), Is.EqualTo("""{"type":"hold","starts_at":"2026-03-16T14:00:00.000Z","ends_at":"2026-03-16T14:30:00.000Z"}"""));
        Assert.That(booking.GetProperty("alternatives").GetArrayLength(), Is.EqualTo(3));
        await WireJson.AssertErrorAsync(await PlaceAsync("2026-03-16T14:15:00Z"), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        var other = await WireJson.ReadAsync(await BookAsync("2026-03-16T15:00:00Z"));
        await WireJson.AssertErrorAsync(
            await _organization.Client.PostAsync($"/v1/bookings/{Id(other)}/reschedule", WireJson.Body(new { starts_at = MondayTen })),
            HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        Assert.That(await CountedAsync(), Is.EqualTo(1), "the hold counted nothing; the booking counted one");
    }

    [Test]
    public async Task FiftyConcurrentHoldsOnOneSlot_ExactlyOneIs201_TheRest409()
    {
        for (var round = 0; round < 5; round++)
        {
            var start = $"2026-03-{16 + round}T15:00:00Z";
            var statuses = await Race.PostAsync(
                Factory, _organization.ApiKey,
                Enumerable.Range(0, 50).Select(_ => ("/v1/holds", $$"""{"human_id":"{{_humanId}}","starts_at":"{{start}}","duration":30}""")));

            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), Race.Summary(statuses));
            Assert.That(statuses.Count(s => s == 409), Is.EqualTo(49), Race.Summary(statuses));
        }

        Assert.That(await Factory.QueryAsync(db => db.Holds.AsNoTracking().CountAsync(h => h.HumanId == Guid.Parse(_humanId))), Is.EqualTo(5));
    }

    [Test]
    public async Task Confirm_Is201WithTheBooking_TakingTheHoldsMetadata_ThenConfirmingAgainIs200WithTheSameBooking()
    {
        var hold = await WireJson.ReadAsync(await PlaceAsync(MondayTen, extra: ""","metadata":{"lead":"L-7"}"""));

        var first = await ConfirmAsync(Id(hold), """{"attendee_name":"Grace Hopper","attendee_email":"grace@example.com"}""");
        var again = await ConfirmAsync(Id(hold), """{"attendee_name":"Someone Else"}""");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        var booking = await WireJson.ReadAsync(first);
        Assert.Multiple(async () =>
        {
            Assert.That(booking.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T14:00:00.000Z"));
            Assert.That(booking.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(booking.GetProperty("attendee_name").GetString(), Is.EqualTo("Grace Hopper"));
            Assert.That(booking.GetProperty("metadata").GetRawText(), Is.EqualTo("""{"lead":"L-7"}"""));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await WireJson.ReadAsync(again)).GetRawText(), Is.EqualTo(booking.GetRawText()));
        });
        var read = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/holds/{Id(hold)}"));
        Assert.That((read.GetProperty("status").GetString(), read.GetProperty("booking_id").GetString()), Is.EqualTo(("confirmed", Id(booking))));
        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{Id(booking)}"))).GetRawText(), Is.EqualTo(booking.GetRawText()));
        Assert.That(await CountedAsync(), Is.EqualTo(1));
        await WireJson.AssertErrorAsync(await _organization.Client.DeleteAsync($"/v1/holds/{Id(hold)}"), HttpStatusCode.Conflict, "HOLD_CONFIRMED");
    }

    [Test]
    public async Task ConfirmWithItsOwnMetadata_ReplacesTheHolds()
    {
        var hold = await WireJson.ReadAsync(await PlaceAsync(MondayTen, extra: ""","metadata":{"lead":"L-7"}"""));

        var booking = await WireJson.ReadAsync(await ConfirmAsync(Id(hold), """{"attendee_name":"Grace","metadata":{"deal":"D-1"}}"""));

        Assert.That(booking.GetProperty("metadata").GetRawText(), Is.EqualTo("""{"deal":"D-1"}"""));
    }

    [Test]
    public async Task TwentyConcurrentConfirmsOfOneHold_MakeOneBooking_One201AndNineteen200s_TenRounds()
    {
        for (var round = 0; round < 10; round++)
        {
            var start = new DateTimeOffset(2026, 3, 16, 13, 0, 0, TimeSpan.Zero).AddDays(round / 5 * 7 + round % 5);
            var hold = await WireJson.ReadAsync(await PlaceAsync(start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));

            var statuses = await Race.PostAsync(
                Factory, _organization.ApiKey, Enumerable.Range(0, 20).Select(i => ($"/v1/holds/{Id(hold)}/confirm", $$"""{"attendee_name":"Racer {{i}}"}""")));

            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), Race.Summary(statuses));
            Assert.That(statuses.Count(s => s == 200), Is.EqualTo(19), Race.Summary(statuses));
            var made = await Factory.QueryAsync(db => db.Bookings.AsNoTracking().CountAsync(b => b.HumanId == Guid.Parse(_humanId) && b.StartsAt == start));
            Assert.That(made, Is.EqualTo(1), $"round {round}");
        }

        Assert.That(await CountedAsync(), Is.EqualTo(10), "each hold counted once");
    }

    [Test]
    public async Task AtExpiresAt_TheTimeIsFreeForOthers_AndConfirmingIs409HoldExpired()
    {
        var hold = await WireJson.ReadAsync(await PlaceAsync(MondayTen, extra: ""","ttl_seconds":60"""));
        var expiresAt = HeldNow.AddSeconds(60);

        _clock.Now = expiresAt.AddSeconds(-1);
        await WireJson.AssertErrorAsync(await BookAsync(MondayTen), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        Assert.That(await SlotStartsAsync(), Does.Not.Contain("2026-03-16T14:00:00.000Z"));

        _clock.Now = expiresAt;
        Assert.That(await SlotStartsAsync(), Does.Contain("2026-03-16T14:00:00.000Z"), "free from expires_at on, with nothing run in between");
        Assert.That(
            (await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/holds/{Id(hold)}"))).GetProperty("status").GetString(), Is.EqualTo("expired"));
        await WireJson.AssertErrorAsync(await ConfirmAsync(Id(hold), """{"attendee_name":"Late"}"""), HttpStatusCode.Conflict, "HOLD_EXPIRED");
        Assert.That((await BookAsync(MondayTen)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Release_FreesTheTimeAtOnce_ReleasingAgainAnswersTheSame_AndConfirmingIs409HoldExpired()
    {
        var hold = await WireJson.ReadAsync(await PlaceAsync(MondayTen));

        var released = await _organization.Client.DeleteAsync($"/v1/holds/{Id(hold)}");
        var again = await _organization.Client.DeleteAsync($"/v1/holds/{Id(hold)}");

        Assert.That(released.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await released.Content.ReadAsStringAsync(), Is.EqualTo($$"""{"id":"{{Id(hold)}}","status":"released"}"""));
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await released.Content.ReadAsStringAsync()));
        Assert.That(
            (await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/holds/{Id(hold)}"))).GetProperty("status").GetString(), Is.EqualTo("released"));
        await WireJson.AssertErrorAsync(await ConfirmAsync(Id(hold), """{"attendee_name":"Late"}"""), HttpStatusCode.Conflict, "HOLD_EXPIRED");
        Assert.That((await BookAsync(MondayTen)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task TheDailyLimit_AppliesAtConfirm_NotAtHold_AndARefusedConfirmLeavesTheHoldHeld()
    {
        var set = await _organization.Client.PutAsync($"/v1/humans/{_humanId}/availability", WireJson.Body(
            """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"daily_booking_limit":1}"""));
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var hold = await WireJson.ReadAsync(await PlaceAsync(MondayTen));
        Assert.That((await BookAsync("2026-03-16T16:00:00Z")).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the hold counts toward no limit");

        var error = await WireJson.AssertErrorAsync(await ConfirmAsync(Id(hold), """{"attendee_name":"Grace"}"""), HttpStatusCode.UnprocessableEntity, "BOOKING_LIMIT_REACHED");

        Assert.That(error.TryGetProperty("alternatives", out _), Is.True);
        Assert.That(
            (await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/holds/{Id(hold)}"))).GetProperty("status").GetString(), Is.EqualTo("held"));
    }

    [Test]
    public async Task AHumanHoldsAtMostTen_TheEleventhIs402_UntilOneExpires()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.That((await PlaceAsync($"2026-03-16T{13 + i / 2}:{i % 2 * 30:00}:00Z", extra: $$""","ttl_seconds":{{60 + i}}""")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await WireJson.AssertErrorAsync(await PlaceAsync("2026-03-17T14:00:00Z"), HttpStatusCode.PaymentRequired, "LIMIT_REACHED");
        _clock.Now = HeldNow.AddSeconds(60);
        Assert.That((await PlaceAsync("2026-03-17T14:00:00Z")).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the first hold expired");
    }

    [Test]
    public async Task BadRequests_Are422NamingTheField_OrUnknownIdsAre404_AndChangeNothing()
    {
        foreach (var (body, field) in new[]
        {
            ($$"""{"human_id":"{{_humanId}}","starts_at":"{{MondayTen}}","duration":30,"ttl_seconds":29}""", "ttl_seconds"),
            ($$"""{"human_id":"{{_humanId}}","starts_at":"{{MondayTen}}","duration":30,"ttl_seconds":901}""", "ttl_seconds"),
            ($$"""{"starts_at":"{{MondayTen}}","duration":30}""", "human_id"),
            ($$"""{"human_id":"{{_humanId}}","duration":30}""", "starts_at"),
            ($$"""{"human_id":"{{_humanId}}","starts_at":"{{MondayTen}}","duration":30,"metadata":[1]}""", "metadata"),
        })
        {
            var error = await WireJson.AssertErrorAsync(await _organization.Client.PostAsync("/v1/holds", WireJson.Body(body)), HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field), body);
        }

        await WireJson.AssertErrorAsync(await PlaceAsync(MondayTen, humanId: Guid.NewGuid().ToString()), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await PlaceAsync(MondayTen, duration: 45), HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");
        var hold = await WireJson.ReadAsync(await PlaceAsync(MondayTen));
        var other = await Factory.CreateOrganizationAsync();
        await WireJson.AssertErrorAsync(await other.Client.GetAsync($"/v1/holds/{Id(hold)}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await other.Client.PostAsync($"/v1/holds/{Id(hold)}/confirm", WireJson.Body("""{"attendee_name":"Eve"}""")), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await other.Client.DeleteAsync($"/v1/holds/{Id(hold)}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await ConfirmAsync(Id(hold), "{}"), HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(
            (await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/holds/{Id(hold)}"))).GetProperty("status").GetString(), Is.EqualTo("held"));
    }

    private static string Id(JsonElement resource) => resource.GetProperty("id").GetString()!;

    private Task<HttpResponseMessage> PlaceAsync(string startsAt, string extra = "", string? humanId = null, int duration = 30) =>
        _organization.Client.PostAsync("/v1/holds", WireJson.Body(
            $$"""{"human_id":"{{humanId ?? _humanId}}","starts_at":"{{startsAt}}","duration":{{duration}}{{extra}}}"""));

    private Task<HttpResponseMessage> ConfirmAsync(string holdId, string body) =>
        _organization.Client.PostAsync($"/v1/holds/{holdId}/confirm", WireJson.Body(body));

    private Task<HttpResponseMessage> BookAsync(string startsAt) =>
        _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"{{startsAt}}","duration":30,"attendee_name":"Alan Turing"}"""));

    private async Task<List<string?>> SlotStartsAsync()
    {
        var slots = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{_humanId}/slots?date_from=2026-03-16&date_to=2026-03-16&duration=30"));
        return [.. slots.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString())];
    }

    private Task<int> CountedAsync() =>
        Factory.QueryAsync(db => db.MonthlyUsage.AsNoTracking().Where(u => u.OrganizationId == _organization.Id).SumAsync(u => u.Bookings));
}
