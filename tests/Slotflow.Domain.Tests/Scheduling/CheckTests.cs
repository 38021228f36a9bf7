using Slotflow.Domain.Common;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>
/// Check(start, duration, now) answers in the order of spec §6: a start in the past, INVALID_DURATION,
/// OUTSIDE_WORKING_HOURS, SCHEDULE_BLOCKED, SLOT_UNAVAILABLE; null when bookable. New York, EDT (UTC−4) that week:
/// Mon–Fri 09:00–17:00 = 13:00Z–21:00Z, durations 30 and 60, now Monday 2026-03-16 08:00 EDT.
/// </summary>
public sealed class CheckTests
{
    private static readonly DateTimeOffset Now = Utc("2026-03-16T12:00Z");

    private static Availability Engine(Slotflow.Domain.Humans.WorkingHours? rules) =>
        Schedules.Engine(
            "America/New_York",
            rules,
            [
                Block("2026-03-17", start: "14:00", end: "15:00"), // Tue 18:00Z–19:00Z
                Open("2026-03-21", start: "10:00", end: "14:00"), // Sat 14:00Z–18:00Z
                Block("2026-03-21", start: "06:00", end: "08:00"), // Sat 10:00Z–12:00Z, outside every window
            ],
            [
                Range("2026-03-16T14:00Z", "2026-03-16T14:30Z"), // Mon 10:00–10:30
                Range("2026-03-17T18:30Z", "2026-03-17T19:00Z"), // Tue 14:30–15:00, inside the block
                Range("2026-03-22T14:00Z", "2026-03-22T15:00Z"), // Sun 10:00–11:00, outside every window
            ]);

    // A start in the past comes first, whatever else is wrong.
    [TestCase("2026-03-16T11:59Z", 30, ErrorCode.ValidationError)]
    [TestCase("2026-03-16T11:00Z", 45, ErrorCode.ValidationError)]
    [TestCase("2026-03-16T11:30Z", 30, ErrorCode.ValidationError)]
    // Exactly now is not in the past (08:00 EDT is simply outside).
    [TestCase("2026-03-16T12:00Z", 30, ErrorCode.OutsideWorkingHours)]
    // Duration next, even outside working hours.
    [TestCase("2026-03-16T13:00Z", 45, ErrorCode.InvalidDuration)]
    [TestCase("2026-03-16T13:00Z", 0, ErrorCode.InvalidDuration)]
    [TestCase("2026-03-22T14:00Z", 45, ErrorCode.InvalidDuration)]
    // Outside working hours and every open.
    [TestCase("2026-03-16T12:30Z", 30, ErrorCode.OutsideWorkingHours)]
    [TestCase("2026-03-16T12:45Z", 30, ErrorCode.OutsideWorkingHours)]
    [TestCase("2026-03-16T20:45Z", 30, ErrorCode.OutsideWorkingHours)]
    [TestCase("2026-03-16T20:30Z", 60, ErrorCode.OutsideWorkingHours)]
    [TestCase("2026-03-16T21:00Z", 30, ErrorCode.OutsideWorkingHours)]
    [TestCase("2026-03-21T17:45Z", 30, ErrorCode.OutsideWorkingHours)]
    [TestCase("2026-03-21T13:45Z", 30, ErrorCode.OutsideWorkingHours)]
    // Outside comes before a block and before a booking there.
    [TestCase("2026-03-21T10:00Z", 30, ErrorCode.OutsideWorkingHours)]
    [TestCase("2026-03-22T14:00Z", 30, ErrorCode.OutsideWorkingHours)]
    // Overlapping a block, fully or partly.
    [TestCase("2026-03-17T18:00Z", 30, ErrorCode.ScheduleBlocked)]
    [TestCase("2026-03-17T17:45Z", 30, ErrorCode.ScheduleBlocked)]
    [TestCase("2026-03-17T18:45Z", 30, ErrorCode.ScheduleBlocked)]
    [TestCase("2026-03-17T17:30Z", 60, ErrorCode.ScheduleBlocked)]
    // Blocked and booked: the block is reported.
    [TestCase("2026-03-17T18:30Z", 30, ErrorCode.ScheduleBlocked)]
    // Overlapping a confirmed booking, fully or partly.
    [TestCase("2026-03-16T14:00Z", 30, ErrorCode.SlotUnavailable)]
    [TestCase("2026-03-16T13:45Z", 30, ErrorCode.SlotUnavailable)]
    [TestCase("2026-03-16T14:15Z", 30, ErrorCode.SlotUnavailable)]
    [TestCase("2026-03-16T13:30Z", 60, ErrorCode.SlotUnavailable)]
    // Bookable: touching a block or booking is not overlapping (intervals are half-open).
    [TestCase("2026-03-16T13:00Z", 30, null)]
    [TestCase("2026-03-16T13:30Z", 30, null)]
    [TestCase("2026-03-16T14:30Z", 30, null)]
    [TestCase("2026-03-16T20:30Z", 30, null)]
    [TestCase("2026-03-16T20:00Z", 60, null)]
    [TestCase("2026-03-17T17:30Z", 30, null)]
    [TestCase("2026-03-17T19:00Z", 30, null)]
    // Off the slot grid but inside a window (09:10, 16:25 EDT).
    [TestCase("2026-03-16T13:10Z", 30, null)]
    [TestCase("2026-03-16T20:25Z", 30, null)]
    // Inside the Saturday open, outside working hours.
    [TestCase("2026-03-21T14:00Z", 30, null)]
    [TestCase("2026-03-21T14:00Z", 60, null)]
    [TestCase("2026-03-21T17:30Z", 30, null)]
    [TestCase("2026-03-21T15:05Z", 60, null)]
    public void Check_ForAnInterval_AnswersTheFirstBrokenRuleInSpecOrder(string start, int duration, ErrorCode? expected) =>
        Assert.That(Engine(NineToFive(30, 60)).Check(Utc(start), duration, Now), Is.EqualTo(expected));

    [TestCase("2026-03-16T13:00Z")]
    [TestCase("2026-03-21T14:00Z")]
    public void Check_WhenTheHumanHasNoRules_IsInvalidDurationEvenInsideAnOpen(string start) =>
        Assert.That(Engine(null).Check(Utc(start), 30, Now), Is.EqualTo(ErrorCode.InvalidDuration));

    [Test]
    public void Check_WithAStartGivenInALocalOffset_JudgesTheSameInstant()
    {
        var engine = Engine(NineToFive(30, 60));

        Assert.That(engine.Check(new DateTimeOffset(2026, 3, 16, 9, 10, 0, TimeSpan.FromHours(-4)), 30, Now), Is.Null);
        Assert.That(engine.Check(new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-4)), 30, Now), Is.EqualTo(ErrorCode.SlotUnavailable));
    }

    [Test]
    public void Check_StraddlingTheWorkingEndAndAnAdjacentOpen_IsOutsideBecauseItFitsNeitherWindowAlone()
    {
        // §6.3: the interval must lie inside ONE working window or ONE open window. Open 17:00–18:00 EDT on Monday.
        var engine = Schedules.Engine("America/New_York", NineToFive(30, 60), [Open("2026-03-16", start: "17:00", end: "18:00")]);

        Assert.That(engine.Check(Utc("2026-03-16T20:45Z"), 30, Now), Is.EqualTo(ErrorCode.OutsideWorkingHours));
        Assert.That(engine.Check(Utc("2026-03-16T20:30Z"), 60, Now), Is.EqualTo(ErrorCode.OutsideWorkingHours));
        Assert.That(engine.Check(Utc("2026-03-16T21:00Z"), 60, Now), Is.Null);
        Assert.That(engine.Check(Utc("2026-03-16T20:30Z"), 30, Now), Is.Null);
    }

    [Test]
    public void Check_ForEveryListedSlotOfTheWeek_IsNull()
    {
        var engine = Engine(NineToFive(30, 60));
        var slots = engine.ListSlots(Date("2026-03-16"), Date("2026-03-22"), 30, Now);

        Assert.That(slots, Is.Not.Empty);
        Assert.That(slots.Select(s => engine.Check(s.Start, 30, Now)), Is.All.Null);
    }
}
