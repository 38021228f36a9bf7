using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling.RuleTables;

/// <summary>
/// minimum_notice and booking_horizon_days (spec §10): nothing starts before now + notice or after now + horizon days.
/// Checked after INVALID_DURATION and before OUTSIDE_WORKING_HOURS. New York, 09:00–17:00 every day; now is Monday
/// 2 March 2026 14:00Z (09:00 EST).
/// </summary>
public sealed class NoticeAndHorizonTests
{
    private static readonly DateTimeOffset Now = Utc("2026-03-02T14:00Z");

    private static Slotflow.Domain.Scheduling.Availability Engine(SchedulingRules rules) =>
        RulesEngine("America/New_York", Rules([1, 2, 3, 4, 5, 6, 7], "09:00", "17:00", rules, 30, 60), [], []);

    [TestCase("2026-03-02T13:59Z", 30, ErrorCode.ValidationError)] // in the past: the request's own error first
    [TestCase("2026-03-02T14:30Z", 45, ErrorCode.InvalidDuration)] // the duration before the notice
    [TestCase("2026-03-02T14:00Z", 30, ErrorCode.NoticeTooShort)]
    [TestCase("2026-03-02T15:59Z", 30, ErrorCode.NoticeTooShort)]
    [TestCase("2026-03-02T16:00Z", 30, null)] // exactly now + 120 minutes
    [TestCase("2026-03-02T14:30Z", 60, ErrorCode.NoticeTooShort)]
    public void MinimumNotice(string start, int duration, ErrorCode? expected) =>
        Assert.That(Engine(new SchedulingRules(MinimumNotice: 120)).Check(Utc(start), duration, Now), Is.EqualTo(expected));

    [Test]
    public void TooShortNotice_OutsideWorkingHours_IsReportedAsTheNotice()
    {
        var night = Utc("2026-03-02T02:00Z"); // Sunday 21:00 EST
        Assert.That(Engine(new SchedulingRules(MinimumNotice: 60)).Check(Utc("2026-03-02T02:30Z"), 30, night), Is.EqualTo(ErrorCode.NoticeTooShort));
    }

    [Test]
    public void Slots_StartNoSoonerThanTheNotice()
    {
        var slots = Engine(new SchedulingRules(MinimumNotice: 150)).ListSlots(Date("2026-03-02"), Date("2026-03-02"), 30, Now);
        Assert.That(Starts(slots).First(), Is.EqualTo("2026-03-02T16:30Z"));
    }

    [Test]
    public void ANoticeOfDays_EmptiesTheDaysInsideIt()
    {
        var slots = Engine(new SchedulingRules(MinimumNotice: 3 * 24 * 60)).ListSlots(Date("2026-03-02"), Date("2026-03-06"), 60, Now);
        Assert.That(Starts(slots).First(), Is.EqualTo("2026-03-05T14:00Z"));
    }

    [Test]
    public void ANoticeAcrossTheSpringForwardGap_IsRealMinutes()
    {
        // 01:30 EST on Sunday 8 March 2026 (06:30Z) with an hour's notice: the first start is 07:30Z, which the clock
        // shows as 03:30 EDT, two wall-clock hours later.
        var allDay = RulesEngine("America/New_York", Rules([7], "00:00", "24:00", new SchedulingRules(MinimumNotice: 60), 30), [], []);
        var slots = allDay.ListSlots(Date("2026-03-08"), Date("2026-03-08"), 30, Utc("2026-03-08T06:30Z"));
        Assert.That(Starts(slots).First(), Is.EqualTo("2026-03-08T07:30Z"));
    }

    // Horizon 7 days: the latest start is 9 March 14:00Z (10:00 EDT, after New York's change on the 8th).
    [TestCase("2026-03-09T14:00Z", null)]
    [TestCase("2026-03-09T14:30Z", ErrorCode.BeyondHorizon)]
    [TestCase("2026-03-10T03:00Z", ErrorCode.BeyondHorizon)] // also outside working hours: the horizon is reported
    [TestCase("2026-03-20T14:00Z", ErrorCode.BeyondHorizon)]
    public void BookingHorizon(string start, ErrorCode? expected) =>
        Assert.That(Engine(new SchedulingRules(BookingHorizonDays: 7)).Check(Utc(start), 30, Now), Is.EqualTo(expected));

    [Test]
    public void Slots_EndAtTheHorizon()
    {
        var slots = Engine(new SchedulingRules(BookingHorizonDays: 7)).ListSlots(Date("2026-03-08"), Date("2026-03-12"), 30, Now);
        Assert.That(Starts(slots).Last(), Is.EqualTo("2026-03-09T14:00Z"));
    }
}
