using System.Globalization;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Humans;

public sealed class ScheduleOverrideTests
{
    private static readonly Guid HumanId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 9, 30, 0, TimeSpan.FromHours(-4));
    private static readonly DateOnly March16 = new(2026, 3, 16);

    private static ClockTime Time(string text) => ClockTime.Parse(text, allowEndOfDay: true);

    private static ScheduleOverride Create(
        string? title = "Dentist", DateOnly? start = null, DateOnly? end = null, (ClockTime, ClockTime)? window = null, RecurrenceRule? recurrence = null) =>
        ScheduleOverride.Create(HumanId, OverrideType.Block, title, start ?? March16, end, window, recurrence, Now);

    [Test]
    public void Create_WhenTimed_KeepsEveryField()
    {
        var recurrence = RecurrenceRule.Weekly(2, [1]);
        var scheduleOverride = ScheduleOverride.Create(
            HumanId, OverrideType.Open, "Office hours", March16, new DateOnly(2026, 6, 1), (Time("10:00"), Time("14:30")), recurrence, Now);

        Assert.That(scheduleOverride.Id, Is.Not.EqualTo(Guid.Empty));
        Assert.That(scheduleOverride.HumanId, Is.EqualTo(HumanId));
        Assert.That(scheduleOverride.Type, Is.EqualTo(OverrideType.Open));
        Assert.That(scheduleOverride.Title, Is.EqualTo("Office hours"));
        Assert.That(scheduleOverride.AllDay, Is.False);
        Assert.That(scheduleOverride.StartDate, Is.EqualTo(March16));
        Assert.That(scheduleOverride.EndDate, Is.EqualTo(new DateOnly(2026, 6, 1)));
        Assert.That(scheduleOverride.StartTime?.ToString(), Is.EqualTo("10:00"));
        Assert.That(scheduleOverride.EndTime?.ToString(), Is.EqualTo("14:30"));
        Assert.That(scheduleOverride.WindowStartMinutes, Is.EqualTo(600));
        Assert.That(scheduleOverride.WindowEndMinutes, Is.EqualTo(870));
        Assert.That(scheduleOverride.Recurrence, Is.SameAs(recurrence));
        Assert.That(scheduleOverride.CreatedAt, Is.EqualTo(Now));
        Assert.That(scheduleOverride.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Create_WhenAllDay_HasNoTimesAndTheWholeDayAsWindow()
    {
        var scheduleOverride = Create();

        Assert.That(scheduleOverride.AllDay, Is.True);
        Assert.That(scheduleOverride.StartTime, Is.Null);
        Assert.That(scheduleOverride.EndTime, Is.Null);
        Assert.That(scheduleOverride.EndDate, Is.Null);
        Assert.That(scheduleOverride.Recurrence, Is.Null);
        Assert.That(scheduleOverride.WindowStartMinutes, Is.Zero);
        Assert.That(scheduleOverride.WindowEndMinutes, Is.EqualTo(24 * 60));
    }

    [Test]
    public void Create_WhenTitleIsNull_StoresAnEmptyTitle() =>
        Assert.That(Create(title: null).Title, Is.Empty);

    [Test]
    public void Create_WhenTitleIs200Characters_Accepts() =>
        Assert.That(Create(title: new string('t', 200)).Title, Has.Length.EqualTo(200));

    [Test]
    public void Create_WhenTitleIs201Characters_ThrowsValidationError() =>
        Assert.That(() => Create(title: new string('t', 201)), ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void Create_WhenEndDateEqualsStartDate_Accepts() =>
        Assert.That(Create(end: March16).EndDate, Is.EqualTo(March16));

    [Test]
    public void Create_WhenEndDateIsBeforeStartDate_ThrowsValidationError() =>
        Assert.That(() => Create(end: March16.AddDays(-1)), ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void Create_WhenARecurringSeriesEndsBeforeItStarts_ThrowsValidationError() =>
        Assert.That(() => Create(end: March16.AddDays(-7), recurrence: RecurrenceRule.Weekly(1, [1])), ThrowsDomainError(ErrorCode.ValidationError));

    [TestCase("10:00", "10:00", TestName = "Create_WhenStartTimeEqualsEndTime_ThrowsValidationError")]
    [TestCase("11:00", "10:00", TestName = "Create_WhenStartTimeIsAfterEndTime_ThrowsValidationError")]
    [TestCase("23:59", "00:00", TestName = "Create_WhenEndTimeIsMidnight_ThrowsValidationError")]
    [TestCase("24:00", "24:00", TestName = "Create_WhenStartTimeIsEndOfDay_ThrowsValidationError")]
    public void Create_WhenWindowIsNotForward_ThrowsValidationError(string start, string end) =>
        Assert.That(() => Create(window: (Time(start), Time(end))), ThrowsDomainError(ErrorCode.ValidationError));

    [TestCase("00:00", "00:05")]
    [TestCase("23:55", "24:00")]
    [TestCase("00:00", "24:00")]
    public void Create_WhenWindowIsForward_Accepts(string start, string end) =>
        Assert.That(Create(window: (Time(start), Time(end))).AllDay, Is.False);

    // March 16..22 asked: a single date, a range, an ended and an endless series, each just inside or just outside.
    [TestCase("2026-03-15", null, false, ExpectedResult = false, TestName = "MayOccurBetween_SingleDateTheDayBefore_IsFalse")]
    [TestCase("2026-03-16", null, false, ExpectedResult = true, TestName = "MayOccurBetween_SingleDateOnTheFirst_IsTrue")]
    [TestCase("2026-03-22", null, false, ExpectedResult = true, TestName = "MayOccurBetween_SingleDateOnTheLast_IsTrue")]
    [TestCase("2026-03-23", null, false, ExpectedResult = false, TestName = "MayOccurBetween_SingleDateTheDayAfter_IsFalse")]
    [TestCase("2026-03-01", "2026-03-15", false, ExpectedResult = false, TestName = "MayOccurBetween_RangeEndingTheDayBefore_IsFalse")]
    [TestCase("2026-03-01", "2026-03-16", false, ExpectedResult = true, TestName = "MayOccurBetween_RangeEndingOnTheFirst_IsTrue")]
    [TestCase("2026-03-01", "2026-04-30", false, ExpectedResult = true, TestName = "MayOccurBetween_RangeAroundTheDates_IsTrue")]
    [TestCase("2024-01-01", "2026-03-15", true, ExpectedResult = false, TestName = "MayOccurBetween_SeriesEndedTheDayBefore_IsFalse")]
    [TestCase("2024-01-01", "2026-03-16", true, ExpectedResult = true, TestName = "MayOccurBetween_SeriesEndingOnTheFirst_IsTrue")]
    [TestCase("2020-01-01", null, true, ExpectedResult = true, TestName = "MayOccurBetween_EndlessSeriesStartedYearsAgo_IsTrue")]
    [TestCase("2026-03-23", null, true, ExpectedResult = false, TestName = "MayOccurBetween_SeriesStartingTheDayAfter_IsFalse")]
    public bool MayOccurBetween_IsWhetherTheSpanMeetsTheDates(string start, string? end, bool recurring) =>
        Create(
                start: DateOnly.Parse(start, CultureInfo.InvariantCulture),
                end: end is null ? null : DateOnly.Parse(end, CultureInfo.InvariantCulture),
                recurrence: recurring ? RecurrenceRule.Weekly(1, [1, 2, 3, 4, 5, 6, 7]) : null)
            .MayOccurBetween(March16, March16.AddDays(6));

    [Test]
    public void MayOccurBetween_WhenFalse_TheOverrideOccursOnNoneOfTheDates([Range(1, 20)] int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var start = March16.AddDays(random.Next(-400, 400));
            DateOnly? end = random.Next(3) == 0 ? null : start.AddDays(random.Next(0, 300));
            RecurrenceRule? recurrence = random.Next(2) == 0
                ? null
                : random.Next(2) == 0 ? RecurrenceRule.Weekly(random.Next(1, 4), [random.Next(1, 8)]) : RecurrenceRule.MonthlyOnDay(1, random.Next(1, 32));
            var scheduleOverride = Create(start: start, end: end, recurrence: recurrence);
            var first = March16.AddDays(random.Next(-60, 60));
            var last = first.AddDays(random.Next(0, 40));

            var occurs = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Any(d => scheduleOverride.OccursOn(first.AddDays(d)));

            Assert.That(
                occurs && !scheduleOverride.MayOccurBetween(first, last),
                Is.False,
                $"seed {seed}: start {start}, end {end}, recurring {recurrence is not null}, dates {first}..{last}");
        }
    }

    [Test]
    public void OccursOn_BeforeStartDate_IsFalseEvenForARecurringMatch()
    {
        var weekly = Create(start: March16, recurrence: RecurrenceRule.Weekly(1, [1]));

        Assert.That(weekly.OccursOn(March16.AddDays(-7)), Is.False);
        Assert.That(weekly.OccursOn(March16), Is.True);
        Assert.That(weekly.OccursOn(March16.AddDays(7)), Is.True);
    }
}
