using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling.RuleTables;

/// <summary>
/// daily_booking_limit and weekly_booking_limit (spec §10): confirmed bookings counted by their start's local date and
/// ISO week (Monday to Sunday) in the human's zone; checked after SLOT_UNAVAILABLE. New York, 00:00–24:00 every day.
/// </summary>
public sealed class BookingLimitTests
{
    // Two bookings on Monday 2 March local: one at 10:00 EST, one at 21:00 EST, which is already Tuesday in UTC.
    private static readonly TakenTime[] TwoOnMonday =
    [
        Buffered("2026-03-02T15:00Z", "2026-03-02T15:30Z", 0, 0),
        Buffered("2026-03-03T02:00Z", "2026-03-03T02:30Z", 0, 0),
    ];

    private static Availability Engine(SchedulingRules rules, IReadOnlyList<TakenTime> taken, string zone = "America/New_York") =>
        RulesEngine(zone, Rules([1, 2, 3, 4, 5, 6, 7], "00:00", "24:00", rules, 30), [], taken);

    [TestCase("2026-03-02T18:00Z", ErrorCode.DailyBookingLimitReached)] // Monday 13:00
    [TestCase("2026-03-03T04:30Z", ErrorCode.DailyBookingLimitReached)] // Monday 23:30, Tuesday in UTC
    [TestCase("2026-03-03T05:00Z", null)] // Tuesday 00:00 local
    [TestCase("2026-03-02T04:30Z", null)] // Sunday 23:30 local, already Monday in UTC
    [TestCase("2026-03-02T15:00Z", ErrorCode.SlotUnavailable)] // taken and full: the taken interval is reported
    public void DailyLimit_CountsTheHumansLocalDay(string start, ErrorCode? expected) =>
        Assert.That(Engine(new SchedulingRules(DailyBookingLimit: 2), TwoOnMonday).Check(Utc(start), 30, LongAgo), Is.EqualTo(expected));

    [Test]
    public void DailyLimit_NotYetFull_Books()
    {
        Assert.That(Engine(new SchedulingRules(DailyBookingLimit: 3), TwoOnMonday).Check(Utc("2026-03-02T18:00Z"), 30, LongAgo), Is.Null);
    }

    // Week of Monday 2 – Sunday 8 March (local): Monday, Wednesday, and Sunday 23:00 EDT (Monday 9th 03:00Z).
    private static readonly TakenTime[] ThreeInAWeek =
    [
        Buffered("2026-03-02T15:00Z", "2026-03-02T15:30Z", 0, 0),
        Buffered("2026-03-04T15:00Z", "2026-03-04T15:30Z", 0, 0),
        Buffered("2026-03-09T03:00Z", "2026-03-09T03:30Z", 0, 0),
    ];

    [TestCase("2026-03-06T15:00Z", ErrorCode.WeeklyBookingLimitReached)] // Friday
    [TestCase("2026-03-09T03:30Z", ErrorCode.WeeklyBookingLimitReached)] // Sunday 23:30 EDT
    [TestCase("2026-03-09T04:00Z", null)] // Monday 9th 00:00 EDT: the next ISO week
    [TestCase("2026-03-01T15:00Z", null)] // Sunday 1st: the week before
    public void WeeklyLimit_CountsTheHumansIsoWeek(string start, ErrorCode? expected) =>
        Assert.That(Engine(new SchedulingRules(WeeklyBookingLimit: 3), ThreeInAWeek).Check(Utc(start), 30, LongAgo), Is.EqualTo(expected));

    [Test]
    public void BothFull_TheDailyLimitIsReported()
    {
        var engine = Engine(new SchedulingRules(DailyBookingLimit: 2, WeeklyBookingLimit: 2), TwoOnMonday);
        Assert.That(engine.Check(Utc("2026-03-02T18:00Z"), 30, LongAgo), Is.EqualTo(ErrorCode.DailyBookingLimitReached));
    }

    [Test]
    public void Slots_SkipFullDays_AndFullWeeks()
    {
        var daily = Engine(new SchedulingRules(DailyBookingLimit: 2), TwoOnMonday)
            .ListSlots(Date("2026-03-02"), Date("2026-03-03"), 30, LongAgo);
        var weekly = Engine(new SchedulingRules(WeeklyBookingLimit: 3), ThreeInAWeek)
            .ListSlots(Date("2026-03-05"), Date("2026-03-10"), 30, LongAgo);
        Assert.Multiple(() =>
        {
            Assert.That(CountPerLocalDate(Zone("America/New_York"), daily, Date("2026-03-02"), Date("2026-03-03")), Is.EqualTo(new[] { 0, 48 }));
            Assert.That(
                CountPerLocalDate(Zone("America/New_York"), weekly, Date("2026-03-05"), Date("2026-03-10")),
                Is.EqualTo(new[] { 0, 0, 0, 0, 48, 48 }));
        });
    }

    [Test]
    public void LordHowe_CountsItsOwnDay_AcrossItsHalfHourShift()
    {
        // Sunday 5 April 2026 in Lord Howe runs 13:00Z (4th) to 13:30Z (5th): 24.5 real hours.
        var taken = new[] { Buffered("2026-04-05T13:00Z", "2026-04-05T13:30Z", 0, 0) }; // Sunday 23:30 +10:30
        var engine = Engine(new SchedulingRules(DailyBookingLimit: 1), taken, "Australia/Lord_Howe");
        Assert.Multiple(() =>
        {
            Assert.That(engine.Check(Utc("2026-04-04T13:00Z"), 30, LongAgo), Is.EqualTo(ErrorCode.DailyBookingLimitReached), "Sunday 00:00 +11");
            Assert.That(engine.Check(Utc("2026-04-05T13:30Z"), 30, LongAgo), Is.Null, "Monday 00:00 +10:30");
        });
    }
}
