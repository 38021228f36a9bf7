using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>
/// Windows are read in the human's zone and turned into real UTC instants (spec §7.2): a skipped local time means the
/// instant the clock jumps to, a repeated one its first occurrence, and a window's length is its real elapsed length.
/// Every expected instant here is worked out by hand from the tz database rules for 2026.
/// </summary>
public sealed class DaylightSavingTests
{
    // Working hours Mon–Fri 09:00–17:00: the first slot of a working day moves with the offset.
    // New York: EST −5 until Sun 2026-03-08 02:00, EDT −4 until Sun 2026-11-01 02:00.
    [TestCase("America/New_York", "2026-03-06", "2026-03-06T14:00Z", "2026-03-06T21:30Z")]
    [TestCase("America/New_York", "2026-03-09", "2026-03-09T13:00Z", "2026-03-09T20:30Z")]
    [TestCase("America/New_York", "2026-10-30", "2026-10-30T13:00Z", "2026-10-30T20:30Z")]
    [TestCase("America/New_York", "2026-11-02", "2026-11-02T14:00Z", "2026-11-02T21:30Z")]
    // London: GMT +0 until Sun 2026-03-29 01:00Z, BST +1 until Sun 2026-10-25 01:00Z.
    [TestCase("Europe/London", "2026-03-27", "2026-03-27T09:00Z", "2026-03-27T16:30Z")]
    [TestCase("Europe/London", "2026-03-30", "2026-03-30T08:00Z", "2026-03-30T15:30Z")]
    [TestCase("Europe/London", "2026-10-23", "2026-10-23T08:00Z", "2026-10-23T15:30Z")]
    [TestCase("Europe/London", "2026-10-26", "2026-10-26T09:00Z", "2026-10-26T16:30Z")]
    // Lord Howe: LHDT +11:00 until Sun 2026-04-05 02:00 local, LHST +10:30 until Sun 2026-10-04 02:00 local.
    [TestCase("Australia/Lord_Howe", "2026-04-03", "2026-04-02T22:00Z", "2026-04-03T05:30Z")]
    [TestCase("Australia/Lord_Howe", "2026-04-06", "2026-04-05T22:30Z", "2026-04-06T06:00Z")]
    [TestCase("Australia/Lord_Howe", "2026-10-02", "2026-10-01T22:30Z", "2026-10-02T06:00Z")]
    [TestCase("Australia/Lord_Howe", "2026-10-05", "2026-10-04T22:00Z", "2026-10-05T05:30Z")]
    // Kathmandu: +05:45 all year, so 09:00 local = 03:15Z.
    [TestCase("Asia/Kathmandu", "2026-03-16", "2026-03-16T03:15Z", "2026-03-16T10:45Z")]
    [TestCase("Asia/Kathmandu", "2026-10-26", "2026-10-26T03:15Z", "2026-10-26T10:45Z")]
    public void ListSlots_OnAWorkingDayNearATransition_UsesThatDaysOffset(string zone, string date, string first, string last)
    {
        var slots = Engine(zone, NineToFive(30)).ListSlots(Date(date), Date(date), 30, LongAgo);

        Assert.That(Starts(slots), Is.EqualTo(Every(first, last, 30)));
        Assert.That(slots, Has.Count.EqualTo(16));
    }

    // Windows on the transition day itself; each case's window length is its real elapsed length.
    // New York spring forward (02:00 EST → 03:00 EDT = 07:00Z): 01:00 EST = 06:00Z, 04:00 EDT = 08:00Z, two real hours.
    [TestCase("America/New_York", "2026-03-08", "01:00", "04:00", 30, "2026-03-08T06:00Z", "2026-03-08T07:30Z", 4)]
    [TestCase("America/New_York", "2026-03-08", "01:00", "04:00", 60, "2026-03-08T06:00Z", "2026-03-08T07:00Z", 2)]
    // A window starting in the gap starts when the clock jumps (02:30 → 03:00 EDT = 07:00Z).
    [TestCase("America/New_York", "2026-03-08", "02:30", "04:00", 30, "2026-03-08T07:00Z", "2026-03-08T07:30Z", 2)]
    // A window ending in the gap ends when the clock jumps: 01:30 EST = 06:30Z to 07:00Z.
    [TestCase("America/New_York", "2026-03-08", "01:30", "02:30", 30, "2026-03-08T06:30Z", "2026-03-08T06:30Z", 1)]
    // New York fall back (02:00 EDT → 01:00 EST = 06:00Z): 01:00 first occurrence (EDT) = 05:00Z, 04:00 EST = 09:00Z.
    [TestCase("America/New_York", "2026-11-01", "01:00", "04:00", 30, "2026-11-01T05:00Z", "2026-11-01T08:30Z", 8)]
    // 01:30 occurs twice: its first occurrence is 01:30 EDT = 05:30Z; 02:30 EST = 07:30Z.
    [TestCase("America/New_York", "2026-11-01", "01:30", "02:30", 30, "2026-11-01T05:30Z", "2026-11-01T07:00Z", 4)]
    // London spring forward at 01:00Z (01:00 GMT → 02:00 BST): 00:00 GMT = 00:00Z, 03:00 BST = 02:00Z.
    [TestCase("Europe/London", "2026-03-29", "00:00", "03:00", 30, "2026-03-29T00:00Z", "2026-03-29T01:30Z", 4)]
    // London fall back at 01:00Z (02:00 BST → 01:00 GMT): 00:00 BST = 23:00Z the day before, 03:00 GMT = 03:00Z.
    [TestCase("Europe/London", "2026-10-25", "00:00", "03:00", 30, "2026-10-24T23:00Z", "2026-10-25T02:30Z", 8)]
    // 01:00 occurs twice: first occurrence 01:00 BST = 00:00Z; 02:00 GMT = 02:00Z.
    [TestCase("Europe/London", "2026-10-25", "01:00", "02:00", 30, "2026-10-25T00:00Z", "2026-10-25T01:30Z", 4)]
    // Lord Howe fall back by half an hour at 02:00 LHDT = 15:00Z (→ 01:30 LHST): 01:00 LHDT = 14:00Z, 04:00 LHST = 17:30Z.
    [TestCase("Australia/Lord_Howe", "2026-04-05", "01:00", "04:00", 30, "2026-04-04T14:00Z", "2026-04-04T17:00Z", 7)]
    // 01:30 occurs twice: first occurrence 01:30 LHDT = 14:30Z; 02:30 LHST = 16:00Z.
    [TestCase("Australia/Lord_Howe", "2026-04-05", "01:30", "02:30", 30, "2026-04-04T14:30Z", "2026-04-04T15:30Z", 3)]
    // Lord Howe spring forward by half an hour at 02:00 LHST = 15:30Z (→ 02:30 LHDT): 01:00 LHST = 14:30Z, 04:00 LHDT = 17:00Z.
    [TestCase("Australia/Lord_Howe", "2026-10-04", "01:00", "04:00", 30, "2026-10-03T14:30Z", "2026-10-03T16:30Z", 5)]
    // 02:15 does not exist: the window starts at the jump, 15:30Z; 03:30 LHDT = 16:30Z.
    [TestCase("Australia/Lord_Howe", "2026-10-04", "02:15", "03:30", 30, "2026-10-03T15:30Z", "2026-10-03T16:00Z", 2)]
    public void ListSlots_ForAWindowOnATransitionDay_ReturnsItsRealInstants(
        string zone, string date, string start, string end, int duration, string first, string last, int count)
    {
        var viaOpen = Engine(zone, NineToFive(30, 60), [Open(date, start: start, end: end)])
            .ListSlots(Date(date), Date(date), duration, LongAgo);
        var viaWorkingHours = Engine(zone, Rules([7], start, end, 30, 60))
            .ListSlots(Date(date), Date(date), duration, LongAgo);

        Assert.That(Starts(viaOpen), Is.EqualTo(Every(first, last, duration)));
        Assert.That(viaOpen, Has.Count.EqualTo(count));
        Assert.That(Starts(viaOpen), Is.Unique);
        Assert.That(viaWorkingHours, Is.EqualTo(viaOpen));
    }

    [Test]
    public void ListSlots_ForTheDocumentedSpringForwardWindow_ReturnsExactlyFourInstants() =>
        Assert.That(
            Starts(Engine("America/New_York", NineToFive(30), [Open("2026-03-08", start: "01:00", end: "04:00")])
                .ListSlots(Date("2026-03-08"), Date("2026-03-08"), 30, LongAgo)),
            Is.EqualTo(new[] { "2026-03-08T06:00Z", "2026-03-08T06:30Z", "2026-03-08T07:00Z", "2026-03-08T07:30Z" }));

    [Test]
    public void ListSlots_ForTheFallBackWindow_ListsNoInstantTwice()
    {
        var slots = Engine("America/New_York", NineToFive(30), [Open("2026-11-01", start: "01:00", end: "04:00")])
            .ListSlots(Date("2026-10-31"), Date("2026-11-02"), 30, LongAgo);
        var sunday = slots.Where(s => LocalDate(Zone("America/New_York"), s.Start) == Date("2026-11-01")).ToList();

        Assert.That(Starts(slots), Is.Unique);
        Assert.That(Starts(sunday), Is.EqualTo(Every("2026-11-01T05:00Z", "2026-11-01T08:30Z", 30)));
    }

    [Test]
    public void ListSlots_ForAnAllDayOpenOnASpringForwardSunday_CoversTwentyThreeRealHours()
    {
        // 00:00 EST = 05:00Z to 24:00 EDT = 04:00Z next day: 23 hours, 46 half-hour slots.
        var slots = Engine("America/New_York", NineToFive(30), [Open("2026-03-08")])
            .ListSlots(Date("2026-03-08"), Date("2026-03-08"), 30, LongAgo);

        Assert.That(Starts(slots), Is.EqualTo(Every("2026-03-08T05:00Z", "2026-03-09T03:30Z", 30)));
        Assert.That(slots, Has.Count.EqualTo(46));
    }

    [Test]
    public void ListSlots_ForAnAllDayOpenOnAFallBackSunday_CoversTwentyFiveRealHours()
    {
        // 00:00 EDT = 04:00Z to 24:00 EST = 05:00Z next day: 25 hours, 50 half-hour slots.
        var slots = Engine("America/New_York", NineToFive(30), [Open("2026-11-01")])
            .ListSlots(Date("2026-11-01"), Date("2026-11-01"), 30, LongAgo);

        Assert.That(Starts(slots), Is.EqualTo(Every("2026-11-01T04:00Z", "2026-11-02T04:30Z", 30)));
        Assert.That(slots, Has.Count.EqualTo(50));
    }

    [TestCase("2026-03-08T06:00Z", 30, null)]
    [TestCase("2026-03-08T07:30Z", 30, null)]
    [TestCase("2026-03-08T06:45Z", 60, null)]
    [TestCase("2026-03-08T07:45Z", 30, ErrorCode.OutsideWorkingHours)]
    [TestCase("2026-03-08T05:55Z", 30, ErrorCode.OutsideWorkingHours)]
    public void Check_OnTheSpringForwardWindow_UsesRealInstants(string start, int duration, ErrorCode? expected) =>
        Assert.That(
            Engine("America/New_York", NineToFive(30, 60), [Open("2026-03-08", start: "01:00", end: "04:00")])
                .Check(Utc(start), duration, LongAgo),
            Is.EqualTo(expected));

    [Test]
    public void ListSlots_InKathmandu_StartsAtQuarterPastThreeUtc() =>
        Assert.That(
            Format(Engine("Asia/Kathmandu", NineToFive(30)).ListSlots(Date("2026-03-16"), Date("2026-03-16"), 30, LongAgo)[0].Start),
            Is.EqualTo("2026-03-16T03:15Z"));
}
