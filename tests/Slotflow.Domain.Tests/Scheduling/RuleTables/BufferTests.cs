using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling.RuleTables;

/// <summary>
/// Buffers (spec §10): a booking occupies [start − buffer_before, end + buffer_after) with the buffers in force when it
/// was made, and blocked windows never overlap. Buffers may reach outside working hours and into blocks. New York,
/// Monday 2 March 2026 (EST, UTC−5): 09:00–17:00 is 14:00Z–22:00Z.
/// </summary>
public sealed class BufferTests
{
    private static readonly SchedulingRules TenBeforeFifteenAfter = new(BufferBefore: 10, BufferAfter: 15);

    // An existing booking 10:00–10:30 (15:00Z–15:30Z) made without buffers; the new one has 10 before, 15 after.
    [TestCase("2026-03-02T14:05Z", null)] // blocked 13:55–14:50: clear
    [TestCase("2026-03-02T14:15Z", null)] // blocked 14:05–15:00: touches, half-open
    [TestCase("2026-03-02T14:20Z", ErrorCode.SlotUnavailable)] // its after-buffer reaches 15:05
    [TestCase("2026-03-02T15:35Z", ErrorCode.SlotUnavailable)] // its before-buffer reaches back to 15:25
    [TestCase("2026-03-02T15:40Z", null)] // blocked 15:30–16:25
    public void NewBuffers_AgainstAnUnbufferedBooking(string start, ErrorCode? expected)
    {
        var engine = RulesEngine("America/New_York", Rules([1], "09:00", "17:00", TenBeforeFifteenAfter, 30), [], [Buffered("2026-03-02T15:00Z", "2026-03-02T15:30Z", 0, 0)]);
        Assert.That(engine.Check(Utc(start), 30, LongAgo), Is.EqualTo(expected));
    }

    // An existing booking 10:00–10:30 made with 20 before and 15 after (blocked 14:40Z–15:45Z); the rules now have none:
    // the buffers it was made with still hold.
    [TestCase("2026-03-02T14:10Z", null)]
    [TestCase("2026-03-02T14:15Z", ErrorCode.SlotUnavailable)]
    [TestCase("2026-03-02T15:30Z", ErrorCode.SlotUnavailable)]
    [TestCase("2026-03-02T15:45Z", null)]
    public void TheBuffersABookingWasMadeWith_StillHold(string start, ErrorCode? expected)
    {
        var engine = RulesEngine("America/New_York", Rules([1], "09:00", "17:00", SchedulingRules.None, 30), [], [Buffered("2026-03-02T15:00Z", "2026-03-02T15:30Z", 20, 15)]);
        Assert.That(engine.Check(Utc(start), 30, LongAgo), Is.EqualTo(expected));
    }

    [Test]
    public void Slots_LeaveRoomForBothBuffers_AroundABooking()
    {
        var engine = RulesEngine(
            "America/New_York", Rules([1], "09:00", "12:00", TenBeforeFifteenAfter with { SlotInterval = 15 }, 30), [],
            [Buffered("2026-03-02T15:00Z", "2026-03-02T15:30Z", 10, 15)]); // blocked 14:50–15:45
        // Candidates every 15 minutes from 14:00Z; each needs [s − 10, s + 45) clear of 14:50–15:45.
        Assert.That(
            Starts(engine.ListSlots(Date("2026-03-02"), Date("2026-03-02"), 30, LongAgo)),
            Is.EqualTo(new[] { "2026-03-02T14:00Z", "2026-03-02T16:00Z", "2026-03-02T16:15Z", "2026-03-02T16:30Z" }));
    }

    [Test]
    public void ABuffer_MayReachOutsideWorkingHours_AndIntoABlock()
    {
        var engine = RulesEngine(
            "America/New_York", Rules([1], "09:00", "17:00", new SchedulingRules(BufferBefore: 30, BufferAfter: 30), 30),
            [Block("2026-03-02", start: "12:00", end: "13:00")], []);
        Assert.Multiple(() =>
        {
            Assert.That(engine.Check(Utc("2026-03-02T14:00Z"), 30, LongAgo), Is.Null, "09:00: the before-buffer is outside working hours");
            Assert.That(engine.Check(Utc("2026-03-02T16:30Z"), 30, LongAgo), Is.Null, "11:30–12:00: the after-buffer reaches into the block");
            Assert.That(engine.Check(Utc("2026-03-02T18:00Z"), 30, LongAgo), Is.Null, "13:00–13:30: the before-buffer reaches back into the block");
            Assert.That(engine.Check(Utc("2026-03-02T21:30Z"), 30, LongAgo), Is.Null, "16:30–17:00: the after-buffer is outside working hours");
            Assert.That(Starts(engine.ListSlots(Date("2026-03-02"), Date("2026-03-02"), 30, LongAgo)), Does.Contain("2026-03-02T16:30Z").And.Contain("2026-03-02T18:00Z"));
        });
    }

    [Test]
    public void ABufferAcrossMidnight_MeetsTheNextDaysBooking_AndMayReachIntoItsBlock()
    {
        // Monday 22:00–24:00 (03:00Z–05:00Z Tuesday); Tuesday is blocked from 02:00 and, in the second case, open
        // 00:00–02:00 (05:00Z–07:00Z) with a booking 00:45–01:15.
        var rules = Rules([1], "22:00", "24:00", new SchedulingRules(BufferAfter: 60), 30);
        IReadOnlyList<ScheduleOverride> overrides = [Block("2026-03-03", start: "02:00", end: "24:00")];
        var longBuffer = RulesEngine("America/New_York", Rules([1], "22:00", "24:00", new SchedulingRules(BufferAfter: 180), 30), overrides, []);
        Assert.That(longBuffer.Check(Utc("2026-03-03T04:30Z"), 30, LongAgo), Is.Null, "23:30–24:00 books; its buffer runs to 03:00 Tuesday, into the block");

        var overrides2 = overrides.Append(Open("2026-03-03", start: "00:00", end: "02:00")).ToList();
        var nextDay = RulesEngine("America/New_York", rules, overrides2, [Buffered("2026-03-03T05:45Z", "2026-03-03T06:15Z", 0, 60)]);
        Assert.Multiple(() =>
        {
            Assert.That(nextDay.Check(Utc("2026-03-03T04:30Z"), 30, LongAgo), Is.EqualTo(ErrorCode.SlotUnavailable), "its buffer reaches 00:45 Tuesday, booked from 00:45");
            Assert.That(nextDay.Check(Utc("2026-03-03T04:00Z"), 30, LongAgo), Is.Null, "23:00–23:30 with its buffer to 00:30");
            Assert.That(
                Starts(nextDay.ListSlots(Date("2026-03-02"), Date("2026-03-02"), 30, LongAgo)),
                Is.EqualTo(new[] { "2026-03-03T03:00Z", "2026-03-03T03:30Z", "2026-03-03T04:00Z" }));
        });
    }

    // Sunday 8 March 2026, New York springs forward at 02:00 EST (07:00Z) to 03:00 EDT. A booking 01:30–02:00 EST is
    // 06:30Z–07:00Z; a meeting at 03:00 EDT (07:00Z) follows it at once in real time, so any before-buffer meets it.
    [TestCase(0, null)]
    [TestCase(5, Slotflow.Domain.Common.ErrorCode.SlotUnavailable)]
    [TestCase(60, Slotflow.Domain.Common.ErrorCode.SlotUnavailable)]
    public void ABufferAcrossTheSpringForwardGap_IsRealMinutes(int before, Slotflow.Domain.Common.ErrorCode? expected)
    {
        var engine = RulesEngine(
            "America/New_York", Rules([7], "00:00", "24:00", new SchedulingRules(BufferBefore: before), 30), [],
            [Buffered("2026-03-08T06:30Z", "2026-03-08T07:00Z", 0, 0)]);
        Assert.That(engine.Check(Utc("2026-03-08T07:00Z"), 30, LongAgo), Is.EqualTo(expected));
    }

    [Test]
    public void ABookingsBlockedWindow_IsItsIntervalWidenedByTheBuffersInForce()
    {
        var rules = Rules([1], "09:00", "17:00", TenBeforeFifteenAfter, 30);
        Assert.That(
            Availability.BlockedWindow(Range("2026-03-02T15:00Z", "2026-03-02T15:30Z"), rules),
            Is.EqualTo(Range("2026-03-02T14:50Z", "2026-03-02T15:45Z")));
    }
}
