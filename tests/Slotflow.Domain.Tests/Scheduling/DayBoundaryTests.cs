using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>
/// Dates are local dates in the human's zone. In America/Los_Angeles (PDT, UTC−7, in these weeks) the evening
/// 20:00–24:00 is 03:00Z–07:00Z of the next UTC day, so a UTC-date reading would put things on the wrong day.
/// </summary>
public sealed class DayBoundaryTests
{
    private const string LosAngeles = "America/Los_Angeles";

    // Working 09:00–17:00 PDT = 16:00Z–24:00Z of the same date; evening open 20:00–24:00 PDT = 03:00Z–07:00Z the next day.
    private static readonly string[] TuesdayWork = Every("2026-03-17T16:00Z", "2026-03-17T23:30Z", 30);
    private static readonly string[] TuesdayEvening = Every("2026-03-18T03:00Z", "2026-03-18T06:30Z", 30);
    private static readonly string[] WednesdayWork = Every("2026-03-18T16:00Z", "2026-03-18T23:30Z", 30);
    private static readonly string[] WednesdayEvening = Every("2026-03-19T03:00Z", "2026-03-19T06:30Z", 30);

    private static List<string> Slots(string from, string to, params ScheduleOverride[] extra) =>
        [.. Starts(Engine(LosAngeles, NineToFive(30), [Open("2026-03-17", "2026-03-18", "20:00", "24:00"), .. extra])
            .ListSlots(Date(from), Date(to), 30, LongAgo))];

    [Test]
    public void ListSlots_WithoutBlocks_ListsBothEveningsInFull() =>
        Assert.That(
            Slots("2026-03-17", "2026-03-18"),
            Is.EqualTo(TuesdayWork.Concat(TuesdayEvening).Concat(WednesdayWork).Concat(WednesdayEvening)));

    [Test]
    public void ListSlots_WithALateBlockOnTuesday_RemovesSlotsOnlyOnTuesdayEvening()
    {
        // Tuesday 22:00–23:00 PDT = Wednesday 05:00Z–06:00Z.
        string[] tuesdayEvening = ["2026-03-18T03:00Z", "2026-03-18T03:30Z", "2026-03-18T04:00Z", "2026-03-18T04:30Z", "2026-03-18T06:00Z", "2026-03-18T06:30Z"];

        Assert.That(
            Slots("2026-03-17", "2026-03-18", Block("2026-03-17", start: "22:00", end: "23:00")),
            Is.EqualTo(TuesdayWork.Concat(tuesdayEvening).Concat(WednesdayWork).Concat(WednesdayEvening)));
    }

    [Test]
    public void ListSlots_WithALateBlockOnWednesday_RemovesSlotsOnlyOnWednesdayEvening()
    {
        // Wednesday 22:00–23:00 PDT = Thursday 05:00Z–06:00Z; Tuesday evening (Wednesday 03:00Z–07:00Z) is untouched.
        string[] wednesdayEvening = ["2026-03-19T03:00Z", "2026-03-19T03:30Z", "2026-03-19T04:00Z", "2026-03-19T04:30Z", "2026-03-19T06:00Z", "2026-03-19T06:30Z"];

        Assert.That(
            Slots("2026-03-17", "2026-03-18", Block("2026-03-18", start: "22:00", end: "23:00")),
            Is.EqualTo(TuesdayWork.Concat(TuesdayEvening).Concat(WednesdayWork).Concat(wednesdayEvening)));
    }

    [Test]
    public void ListSlots_WithAnAllDayBlockOnWednesday_KeepsTuesdayEveningAlthoughItIsWednesdayInUtc() =>
        Assert.That(Slots("2026-03-17", "2026-03-18", Block("2026-03-18")), Is.EqualTo(TuesdayWork.Concat(TuesdayEvening)));

    [Test]
    public void ListSlots_ForOneLocalDate_IncludesItsLateSlotsOnTheNextUtcDayAndNotTheEveningBefore()
    {
        var slots = Slots("2026-03-18", "2026-03-18");

        Assert.That(slots, Is.EqualTo(WednesdayWork.Concat(WednesdayEvening)));
        Assert.That(slots[^1], Is.EqualTo("2026-03-19T06:30Z"), "23:30 PDT on date_to is 06:30Z the next UTC day");
        Assert.That(slots, Has.None.EqualTo("2026-03-18T06:30Z"), "23:30 PDT on 2026-03-17 is before date_from");
    }

    [Test]
    public void ListSlots_ForTheFirstDateOnly_EndsWithItsLastLocalSlot() =>
        Assert.That(Slots("2026-03-17", "2026-03-17"), Is.EqualTo(TuesdayWork.Concat(TuesdayEvening)));

    [Test]
    public void Check_AtTheBlockedLateHour_IsBlockedOnlyOnTheBlockedDate()
    {
        var engine = Engine(LosAngeles, NineToFive(30), [Open("2026-03-17", "2026-03-18", "20:00", "24:00"), Block("2026-03-17", start: "22:00", end: "23:00")]);

        Assert.That(engine.Check(Utc("2026-03-18T05:00Z"), 30, LongAgo), Is.EqualTo(ErrorCode.ScheduleBlocked));
        Assert.That(engine.Check(Utc("2026-03-19T05:00Z"), 30, LongAgo), Is.Null);
        Assert.That(engine.Check(Utc("2026-03-19T06:30Z"), 30, LongAgo), Is.Null, "23:30–24:00 PDT ends exactly at the window's end");
    }
}
