using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling.RuleTables;

/// <summary>
/// slot_interval (spec §10): candidates start at each window's start and every interval after it, each ending inside
/// the window, in real elapsed time on daylight-saving days.
/// </summary>
public sealed class SlotIntervalTests
{
    private static string[] Slots(string zone, int[] days, string start, string end, int? interval, int duration, string date) =>
        Starts(RulesEngine(zone, Rules(days, start, end, new SchedulingRules(SlotInterval: interval), duration), [], [])
            .ListSlots(Date(date), Date(date), duration, LongAgo));

    // New York, Monday 2 March 2026 (EST, UTC−5): 09:00–11:00 local is 14:00Z–16:00Z.
    [TestCase(null, 30, new[] { "2026-03-02T14:00Z", "2026-03-02T14:30Z", "2026-03-02T15:00Z", "2026-03-02T15:30Z" })]
    [TestCase(15, 30, new[] { "2026-03-02T14:00Z", "2026-03-02T14:15Z", "2026-03-02T14:30Z", "2026-03-02T14:45Z", "2026-03-02T15:00Z", "2026-03-02T15:15Z", "2026-03-02T15:30Z" })]
    [TestCase(45, 30, new[] { "2026-03-02T14:00Z", "2026-03-02T14:45Z", "2026-03-02T15:30Z" })]
    [TestCase(90, 60, new[] { "2026-03-02T14:00Z" })]
    [TestCase(5, 120, new[] { "2026-03-02T14:00Z" })]
    [TestCase(720, 30, new[] { "2026-03-02T14:00Z" })]
    public void StepsByTheInterval(int? interval, int duration, string[] expected) =>
        Assert.That(Slots("America/New_York", [1], "09:00", "11:00", interval, duration, "2026-03-02"), Is.EqualTo(expected));

    // Sunday 8 March 2026, New York springs forward at 02:00: 01:00 EST–04:00 EDT is 06:00Z–08:00Z, two real hours.
    [TestCase("America/New_York", "2026-03-08", "01:00", "04:00", 45, 30, new[] { "2026-03-08T06:00Z", "2026-03-08T06:45Z", "2026-03-08T07:30Z" })]
    // Sunday 1 November 2026, New York falls back at 02:00: 01:00 EDT–03:00 EST is 05:00Z–08:00Z, three real hours.
    [TestCase("America/New_York", "2026-11-01", "01:00", "03:00", 50, 60, new[] { "2026-11-01T05:00Z", "2026-11-01T05:50Z", "2026-11-01T06:40Z" })]
    // Sunday 29 March 2026, London springs forward at 01:00: 00:00 GMT–03:00 BST is 00:00Z–02:00Z.
    [TestCase("Europe/London", "2026-03-29", "00:00", "03:00", 25, 60, new[] { "2026-03-29T00:00Z", "2026-03-29T00:25Z", "2026-03-29T00:50Z" })]
    // Sunday 5 April 2026, Lord Howe turns back half an hour at 02:00 (+11 to +10:30): 00:00–04:00 is 13:00Z–17:30Z.
    [TestCase("Australia/Lord_Howe", "2026-04-05", "00:00", "04:00", 70, 90, new[] { "2026-04-04T13:00Z", "2026-04-04T14:10Z", "2026-04-04T15:20Z" })]
    public void StepsInRealTime_OnDaylightSavingDays(string zone, string date, string start, string end, int interval, int duration, string[] expected) =>
        Assert.That(Slots(zone, [7], start, end, interval, duration, date), Is.EqualTo(expected));

    [Test]
    public void AnOffGridStart_InsideTheWindow_IsStillBookable()
    {
        // Spec §6: a start need not sit on the slot grid.
        var engine = RulesEngine("America/New_York", Rules([1], "09:00", "11:00", new SchedulingRules(SlotInterval: 45), 30), [], []);
        Assert.That(engine.Check(Utc("2026-03-02T14:10Z"), 30, LongAgo), Is.Null);
    }
}
