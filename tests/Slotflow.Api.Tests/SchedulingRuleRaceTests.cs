using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;

namespace Slotflow.Api.Tests;

/// <summary>
/// The rules of spec §10 under concurrency, over real HTTP: blocked windows (buffers) never overlap and daily limits
/// are never exceeded, however many agents book at once (on SQLite here, on PostgreSQL in the PostgreSQL build).
/// </summary>
public sealed class SchedulingRuleRaceTests : ServiceFixture
{
    private const int Rounds = 20;

    // Every day from Monday 2 March 2026, UTC; each round uses a day of its own.
    private static readonly DateTimeOffset FirstDay = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    [TearDown]
    public async Task NoHumanHasOverlappingBlockedWindows()
    {
        var confirmed = await Factory.QueryAsync(db => db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed)
            .Select(b => new { b.Id, b.HumanId, b.BlockedFrom, b.BlockedUntil })
            .ToListAsync());
        var overlapping = confirmed
            .GroupBy(b => b.HumanId)
            .SelectMany(g => g.SelectMany(a => g.Where(b => a.Id != b.Id && a.BlockedFrom < b.BlockedUntil && b.BlockedFrom < a.BlockedUntil)))
            .ToList();
        Assert.That(overlapping, Is.Empty, "no two confirmed bookings of one human may have overlapping blocked windows");
    }

    [Test]
    public async Task FiftyBookingsWhoseBlockedWindowsOverlap_ButWhoseIntervalsDoNot_GiveExactlyOne201()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanSetup.CreateAsync(
            organization.Client, "UTC",
            """{"working_days":[1,2,3,4,5,6,7],"work_start":"00:00","work_end":"24:00","meeting_durations":[5],"buffer_before":240,"buffer_after":240}""");

        for (var round = 0; round < Rounds; round++)
        {
            // Five-minute meetings five minutes apart from 08:00 to 12:05: no two intervals meet, every two blocked
            // windows (4 h either side) do.
            var eight = FirstDay.AddDays(round).AddHours(8);
            var statuses = await Race.BookAsync(
                Factory, organization.ApiKey, Enumerable.Range(0, 50).Select(i => Booking(humanId, eight.AddMinutes(5 * i), 5)));

            Assert.Multiple(() =>
            {
                Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), $"round {round}: {Race.Summary(statuses)}");
                Assert.That(statuses.Count(s => s == 409), Is.EqualTo(49), $"round {round}: {Race.Summary(statuses)}");
            });
        }
    }

    [Test]
    public async Task ADailyLimitOfThree_TwentyConcurrentBookingsThatDay_GiveExactlyThree201()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanSetup.CreateAsync(
            organization.Client, "America/New_York",
            """{"working_days":[1,2,3,4,5,6,7],"work_start":"08:00","work_end":"20:00","meeting_durations":[30],"daily_booking_limit":3}""");

        for (var round = 0; round < Rounds; round++)
        {
            // Twenty distinct half hours of one local day (08:00 EST is 13:00Z; from 8 March EDT, 12:00Z: both in the day).
            var morning = FirstDay.AddDays(round).AddHours(13);
            var statuses = await Race.BookAsync(
                Factory, organization.ApiKey, Enumerable.Range(0, 20).Select(i => Booking(humanId, morning.AddMinutes(30 * i), 30)));

            Assert.Multiple(() =>
            {
                Assert.That(statuses.Count(s => s == 201), Is.EqualTo(3), $"round {round}: {Race.Summary(statuses)}");
                Assert.That(statuses.Count(s => s == 422), Is.EqualTo(17), $"round {round}: {Race.Summary(statuses)}");
            });
        }
    }

    private static string Booking(string humanId, DateTimeOffset start, int duration) =>
        $$"""{"human_id":"{{humanId}}","starts_at":"{{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","duration":{{duration}},"attendee_name":"Racer"}""";
}
