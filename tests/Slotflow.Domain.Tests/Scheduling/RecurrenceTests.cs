using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>
/// Which dates an override applies on (spec §7, "Overrides"), first as dates, then as slots the engine takes away
/// or adds. New York, Mon–Fri 09:00–17:00, 30 minutes: a plain working day has 16 slots.
/// </summary>
public sealed class RecurrenceTests
{
    private const string NewYork = "America/New_York";

    private static string[] Occurrences(ScheduleOverride scheduleOverride, string from, string to)
    {
        var dates = new List<string>();
        for (var date = Date(from); date <= Date(to); date = date.AddDays(1))
        {
            if (scheduleOverride.OccursOn(date))
            {
                dates.Add(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return [.. dates];
    }

    private static int[] Counts(string from, string to, params ScheduleOverride[] overrides)
    {
        var slots = Engine(NewYork, NineToFive(30), overrides).ListSlots(Date(from), Date(to), 30, LongAgo);
        return CountPerLocalDate(Zone(NewYork), slots, Date(from), Date(to));
    }

    [Test]
    public void Weekly_WithIntervalTwo_OccursInTheWeekOfStartDateThenEveryOtherIsoWeek() =>
        // start_date Wed 2026-03-04: its ISO week is Mon 03-02 .. Sun 03-08. Mon 03-02 is before start_date.
        Assert.That(
            Occurrences(Block("2026-03-04", recurrence: RecurrenceRule.Weekly(2, [1, 5])), "2026-02-23", "2026-04-30"),
            Is.EqualTo(new[] { "2026-03-06", "2026-03-16", "2026-03-20", "2026-03-30", "2026-04-03", "2026-04-13", "2026-04-17", "2026-04-27" }));

    [Test]
    public void Weekly_WithIntervalTwoStartingOnASunday_SkipsTheVeryNextMonday() =>
        // start_date Sun 2026-03-08 closes its ISO week, so Mon 03-09 is already the next week (odd): not an occurrence,
        // although it is within 14 days of start_date.
        Assert.That(
            Occurrences(Block("2026-03-08", recurrence: RecurrenceRule.Weekly(2, [1])), "2026-03-01", "2026-04-05"),
            Is.EqualTo(new[] { "2026-03-16", "2026-03-30" }));

    [Test]
    public void Weekly_WithIntervalThree_CountsIsoWeeksAcrossAYearEnd() =>
        // start_date Tue 2025-12-30 is in ISO week 2026-W01 (Mon 2025-12-29); then W04 (Jan 19) and W07 (Feb 9).
        Assert.That(
            Occurrences(Block("2025-12-30", recurrence: RecurrenceRule.Weekly(3, [2])), "2025-12-01", "2026-02-28"),
            Is.EqualTo(new[] { "2025-12-30", "2026-01-20", "2026-02-10" }));

    [Test]
    public void ListSlots_WithABiweeklyAllDayBlock_EmptiesExactlyTheOccurrenceDays() =>
        // Mon 2026-03-02 .. Fri 2026-03-27; weekends have no working hours.
        Assert.That(
            Counts("2026-03-02", "2026-03-27", Block("2026-03-04", recurrence: RecurrenceRule.Weekly(2, [1, 5]))),
            Is.EqualTo(new[]
            {
                16, 16, 16, 16, 0, 0, 0,
                16, 16, 16, 16, 16, 0, 0,
                0, 16, 16, 16, 0, 0, 0,
                16, 16, 16, 16, 16,
            }));

    [Test]
    public void MonthlyOnDay_OnThe31st_HasNoOccurrenceInShortMonths() =>
        Assert.That(
            Occurrences(Block("2026-01-31", recurrence: RecurrenceRule.MonthlyOnDay(1, 31)), "2026-01-01", "2026-12-31"),
            Is.EqualTo(new[] { "2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31", "2026-10-31", "2026-12-31" }));

    [Test]
    public void MonthlyOnDay_WithIntervalTwo_CountsMonthsFromStartDatesMonth() =>
        // Jan, Mar, May, Jul, Sep, Nov — September and November have 30 days.
        Assert.That(
            Occurrences(Block("2026-01-10", recurrence: RecurrenceRule.MonthlyOnDay(2, 31)), "2026-01-01", "2026-12-31"),
            Is.EqualTo(new[] { "2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31" }));

    [Test]
    public void ListSlots_WithABlockOnThe31st_BlocksMarch31AndNotApril30OrMay1() =>
        // Tue 2026-03-31, Wed 04-01, Thu 04-30, Fri 05-01.
        Assert.That(
            Counts("2026-03-30", "2026-05-01", Block("2026-03-01", recurrence: RecurrenceRule.MonthlyOnDay(1, 31)))
                .Where((_, i) => i is 0 or 1 or 2 or 31 or 32),
            Is.EqualTo(new[] { 16, 0, 16, 16, 16 }));

    [Test]
    public void MonthlyOnWeekday_FirstFriday_OccursOnTheFirstFridayOfEachMonth() =>
        Assert.That(
            Occurrences(Block("2026-01-01", recurrence: RecurrenceRule.MonthlyOnWeekday(1, 1, 5)), "2026-01-01", "2026-06-30"),
            Is.EqualTo(new[] { "2026-01-02", "2026-02-06", "2026-03-06", "2026-04-03", "2026-05-01", "2026-06-05" }));

    [Test]
    public void MonthlyOnWeekday_LastMonday_IsTheFifthMondayInFiveMondayMonthsAndTheFourthOtherwise() =>
        // March and June 2026 have five Mondays (30th, 29th); January, February, April and May have four.
        Assert.That(
            Occurrences(Block("2026-01-01", recurrence: RecurrenceRule.MonthlyOnWeekday(1, 5, 1)), "2026-01-01", "2026-06-30"),
            Is.EqualTo(new[] { "2026-01-26", "2026-02-23", "2026-03-30", "2026-04-27", "2026-05-25", "2026-06-29" }));

    [Test]
    public void MonthlyOnWeekday_FourthMonday_IsNotTheLastInAFiveMondayMonth() =>
        Assert.That(
            Occurrences(Block("2026-03-01", recurrence: RecurrenceRule.MonthlyOnWeekday(1, 4, 1)), "2026-03-01", "2026-04-30"),
            Is.EqualTo(new[] { "2026-03-23", "2026-04-27" }));

    [Test]
    public void ListSlots_WithALastMondayBlock_BlocksMarch30AndApril27Only()
    {
        var counts = Counts("2026-03-23", "2026-04-27", Block("2026-03-01", recurrence: RecurrenceRule.MonthlyOnWeekday(1, 5, 1)));

        // Mondays in range: 03-23 (index 0), 03-30 (7), 04-06 (14), 04-13 (21), 04-20 (28), 04-27 (35).
        Assert.That(new[] { counts[0], counts[7], counts[14], counts[21], counts[28], counts[35] }, Is.EqualTo(new[] { 16, 0, 16, 16, 16, 0 }));
    }

    [Test]
    public void ListSlots_WithAFirstFridayTimedBlock_RemovesTwoSlotsOnThatFridayOnly() =>
        // First Friday of April is 04-03; Fri 04-10 is untouched. 14:00–15:00 EDT = 18:00Z–19:00Z.
        Assert.That(
            Counts("2026-04-03", "2026-04-10", Block("2026-01-01", start: "14:00", end: "15:00", recurrence: RecurrenceRule.MonthlyOnWeekday(1, 1, 5))),
            Is.EqualTo(new[] { 14, 0, 0, 16, 16, 16, 16, 16 }));

    [Test]
    public void Weekly_WithEndDate_StopsAfterEndDateAndIncludesIt()
    {
        var block = Block("2026-03-03", "2026-03-17", "14:00", "15:00", RecurrenceRule.Weekly(1, [2]));

        Assert.That(Occurrences(block, "2026-02-01", "2026-04-30"), Is.EqualTo(new[] { "2026-03-03", "2026-03-10", "2026-03-17" }));
        // Tuesdays 03-03, 03-10, 03-17 lose two slots; 03-24 and 03-31 keep all 16.
        var counts = Counts("2026-03-02", "2026-03-31", block);
        Assert.That(new[] { counts[1], counts[8], counts[15], counts[22], counts[29] }, Is.EqualTo(new[] { 14, 14, 14, 16, 16 }));
    }

    [Test]
    public void Monthly_WithEndDate_StopsAfterEndDate() =>
        Assert.That(
            Occurrences(Block("2026-01-15", "2026-04-14", recurrence: RecurrenceRule.MonthlyOnDay(1, 15)), "2026-01-01", "2026-12-31"),
            Is.EqualTo(new[] { "2026-01-15", "2026-02-15", "2026-03-15" }));

    [Test]
    public void Range_WithoutRecurrence_AppliesOnEveryDateFromStartToEnd() =>
        Assert.That(
            Occurrences(Block("2026-03-18", "2026-03-20"), "2026-03-01", "2026-03-31"),
            Is.EqualTo(new[] { "2026-03-18", "2026-03-19", "2026-03-20" }));

    [Test]
    public void SingleDate_WithoutEndDate_AppliesOnStartDateOnly() =>
        Assert.That(Occurrences(Open("2026-03-21", start: "10:00", end: "14:00"), "2026-03-01", "2026-03-31"), Is.EqualTo(new[] { "2026-03-21" }));

    [Test]
    public void ListSlots_WithAMultiDayAllDayBlock_EmptiesEveryDayOfTheRange() =>
        // Mon 03-16 .. Mon 03-23, block Wed 03-18 .. Fri 03-20.
        Assert.That(Counts("2026-03-16", "2026-03-23", Block("2026-03-18", "2026-03-20")), Is.EqualTo(new[] { 16, 16, 0, 0, 0, 0, 0, 16 }));

    [Test]
    public void ListSlots_WithAnAllDayOpenOnASunday_ListsFortyEightSlotsFromLocalMidnightToMidnight()
    {
        // Sunday 2026-03-22 00:00 EDT = 04:00Z; the last slot 23:30 EDT = Monday 03:30Z.
        var slots = Engine(NewYork, NineToFive(30), [Open("2026-03-22")]).ListSlots(Date("2026-03-22"), Date("2026-03-22"), 30, LongAgo);

        Assert.That(Starts(slots), Is.EqualTo(Every("2026-03-22T04:00Z", "2026-03-23T03:30Z", 30)));
        Assert.That(slots, Has.Count.EqualTo(48));
        Assert.That(Format(slots[^1].End), Is.EqualTo("2026-03-23T04:00Z"));
    }

    [Test]
    public void ListSlots_WithABlockInsideAnOpen_TheBlockWins()
    {
        // Saturday 2026-03-21 open 10:00–14:00 EDT (14:00Z–18:00Z), block 11:15–12:00 (15:15Z–16:00Z): 10:00–11:30 and
        // 11:30–12:00 overlap it only partly and still go.
        var engine = Engine(NewYork, NineToFive(30), [Open("2026-03-21", start: "10:00", end: "14:00"), Block("2026-03-21", start: "11:15", end: "12:00")]);

        Assert.That(
            Starts(engine.ListSlots(Date("2026-03-21"), Date("2026-03-21"), 30, LongAgo)),
            Is.EqualTo(new[] { "2026-03-21T14:00Z", "2026-03-21T14:30Z", "2026-03-21T16:00Z", "2026-03-21T16:30Z", "2026-03-21T17:00Z", "2026-03-21T17:30Z" }));
        Assert.That(engine.Check(Utc("2026-03-21T15:00Z"), 30, LongAgo), Is.EqualTo(ErrorCode.ScheduleBlocked));
        Assert.That(engine.Check(Utc("2026-03-21T15:30Z"), 30, LongAgo), Is.EqualTo(ErrorCode.ScheduleBlocked));
    }

    [Test]
    public void ListSlots_WithAnAllDayBlockOverAnAllDayOpenAndWorkingHours_ListsNothing() =>
        Assert.That(
            Engine(NewYork, NineToFive(30), [Open("2026-03-16"), Block("2026-03-16")]).ListSlots(Date("2026-03-16"), Date("2026-03-16"), 30, LongAgo),
            Is.Empty);

    [Test]
    public void ListSlots_WithAWeeklyOpenOnSaturdays_AddsSlotsOnEverySaturdayFromStartDate()
    {
        // Saturdays 10:00–12:00 EDT from 2026-03-14: 03-14, 03-21, 03-28 (03-07 is before start_date).
        var open = Open("2026-03-14", start: "10:00", end: "12:00", recurrence: RecurrenceRule.Weekly(1, [6]));
        var slots = Engine(NewYork, NineToFive(30), [open]).ListSlots(Date("2026-03-07"), Date("2026-03-29"), 30, LongAgo);

        Assert.That(
            Starts(slots.Where(s => Weekdays.Of(LocalDate(Zone(NewYork), s.Start)) == 6)),
            Is.EqualTo(Every("2026-03-14T14:00Z", "2026-03-14T15:30Z", 30)
                .Concat(Every("2026-03-21T14:00Z", "2026-03-21T15:30Z", 30))
                .Concat(Every("2026-03-28T14:00Z", "2026-03-28T15:30Z", 30))));
    }
}
