using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling.RuleTables;

/// <summary>
/// Alternatives of a refused interval (spec §11.3): up to three bookable slots of the same duration nearest to the
/// requested start, within 14 days either side, nearest first, the later one first at equal distance. New York,
/// Monday 2 March 2026 (EST): 09:00–17:00 is 14:00Z–22:00Z.
/// </summary>
public sealed class AlternativesTests
{
    [Test]
    public void AroundATakenHour_AreTheNearestFreeSlots_LaterFirstOnTies()
    {
        var engine = RulesEngine(
            "America/New_York", Rules([1, 2, 3, 4, 5], "09:00", "17:00", SchedulingRules.None, 30), [],
            [Buffered("2026-03-02T15:00Z", "2026-03-02T15:30Z", 0, 0), Buffered("2026-03-02T15:30Z", "2026-03-02T16:00Z", 0, 0)]);

        // 10:00 is taken: 09:30 is 30 minutes away; 11:00 and 09:00 are both an hour away, and the later comes first.
        Assert.That(
            Starts(engine.Alternatives(Utc("2026-03-02T15:00Z"), 30, LongAgo)),
            Is.EqualTo(new[] { "2026-03-02T14:30Z", "2026-03-02T16:00Z", "2026-03-02T14:00Z" }));
        Assert.That(engine.Conflict(Utc("2026-03-02T15:00Z"), 30)?.Interval, Is.EqualTo(Range("2026-03-02T15:00Z", "2026-03-02T15:30Z")));
    }

    [Test]
    public void OutsideWorkingHours_OverAWeekend_AreTheNearestWorkingSlots()
    {
        var engine = RulesEngine("America/New_York", Rules([1, 2, 3, 4, 5], "09:00", "17:00", SchedulingRules.None, 60), [], []);

        // Sunday 8 March 12:00 EDT (16:00Z): Monday's 09:00 EDT (13:00Z) is 21 hours on; Friday's last hour, 16:00 EST
        // (21:00Z on the 6th), is 43 hours back.
        Assert.That(
            Starts(engine.Alternatives(Utc("2026-03-08T16:00Z"), 60, LongAgo)),
            Is.EqualTo(new[] { "2026-03-09T13:00Z", "2026-03-09T14:00Z", "2026-03-09T15:00Z" }));
        Assert.That(
            Starts(engine.Alternatives(Utc("2026-03-07T10:00Z"), 60, LongAgo)),
            Is.EqualTo(new[] { "2026-03-06T21:00Z", "2026-03-06T20:00Z", "2026-03-06T19:00Z" }),
            "Saturday 05:00 EST: Friday's last hours are nearer");
    }

    [Test]
    public void NothingFreeWithinFourteenDays_IsNone()
    {
        var engine = RulesEngine(
            "America/New_York", Rules([1, 2, 3, 4, 5], "09:00", "17:00", new SchedulingRules(BookingHorizonDays: 1), 30), [], []);

        Assert.That(engine.Alternatives(Utc("2026-04-01T14:00Z"), 30, Utc("2026-03-02T14:00Z")), Is.Empty);
    }
}
