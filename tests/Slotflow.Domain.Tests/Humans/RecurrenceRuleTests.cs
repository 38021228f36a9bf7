using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Humans;

public sealed class RecurrenceRuleTests
{
    [TestCase(1, new[] { 2 })]
    [TestCase(52, new[] { 1, 3, 5 })]
    [TestCase(2, new[] { 7, 1, 2, 3, 4, 5, 6 })]
    public void Weekly_WhenValid_KeepsIntervalAndDays(int interval, int[] days)
    {
        var rule = RecurrenceRule.Weekly(interval, days);

        Assert.That(rule.Frequency, Is.EqualTo(RecurrenceFrequency.Weekly));
        Assert.That(rule.Interval, Is.EqualTo(interval));
        Assert.That(rule.Days, Is.EqualTo(days));
        Assert.That(rule.DayOfMonth, Is.Null);
        Assert.That(rule.Week, Is.Null);
        Assert.That(rule.Day, Is.Null);
    }

    [TestCase(0, new[] { 1 }, TestName = "Weekly_WhenIntervalIsZero_ThrowsValidationError")]
    [TestCase(53, new[] { 1 }, TestName = "Weekly_WhenIntervalIs53_ThrowsValidationError")]
    [TestCase(-1, new[] { 1 }, TestName = "Weekly_WhenIntervalIsNegative_ThrowsValidationError")]
    [TestCase(1, new int[0], TestName = "Weekly_WhenDaysEmpty_ThrowsValidationError")]
    [TestCase(1, new[] { 1, 1 }, TestName = "Weekly_WhenDaysRepeat_ThrowsValidationError")]
    [TestCase(1, new[] { 2, 4, 2 }, TestName = "Weekly_WhenDaysRepeatApart_ThrowsValidationError")]
    [TestCase(1, new[] { 0 }, TestName = "Weekly_WhenDayIsZero_ThrowsValidationError")]
    [TestCase(1, new[] { 8 }, TestName = "Weekly_WhenDayIsEight_ThrowsValidationError")]
    [TestCase(1, new[] { 1, 8 }, TestName = "Weekly_WhenOneDayIsEight_ThrowsValidationError")]
    public void Weekly_WhenInvalid_ThrowsValidationError(int interval, int[] days) =>
        Assert.That(() => RecurrenceRule.Weekly(interval, days), ThrowsDomainError(ErrorCode.ValidationError));

    [TestCase(1, 1)]
    [TestCase(1, 31)]
    [TestCase(52, 15)]
    public void MonthlyOnDay_WhenValid_KeepsIntervalAndDay(int interval, int dayOfMonth)
    {
        var rule = RecurrenceRule.MonthlyOnDay(interval, dayOfMonth);

        Assert.That(rule.Frequency, Is.EqualTo(RecurrenceFrequency.Monthly));
        Assert.That(rule.Interval, Is.EqualTo(interval));
        Assert.That(rule.DayOfMonth, Is.EqualTo(dayOfMonth));
        Assert.That(rule.Days, Is.Null);
        Assert.That(rule.Week, Is.Null);
    }

    [TestCase(0, 1, TestName = "MonthlyOnDay_WhenIntervalIsZero_ThrowsValidationError")]
    [TestCase(53, 1, TestName = "MonthlyOnDay_WhenIntervalIs53_ThrowsValidationError")]
    [TestCase(1, 0, TestName = "MonthlyOnDay_WhenDayOfMonthIsZero_ThrowsValidationError")]
    [TestCase(1, 32, TestName = "MonthlyOnDay_WhenDayOfMonthIs32_ThrowsValidationError")]
    [TestCase(1, -1, TestName = "MonthlyOnDay_WhenDayOfMonthIsNegative_ThrowsValidationError")]
    public void MonthlyOnDay_WhenInvalid_ThrowsValidationError(int interval, int dayOfMonth) =>
        Assert.That(() => RecurrenceRule.MonthlyOnDay(interval, dayOfMonth), ThrowsDomainError(ErrorCode.ValidationError));

    [TestCase(1, 1, 1)]
    [TestCase(1, 5, 7)]
    [TestCase(52, 3, 4)]
    public void MonthlyOnWeekday_WhenValid_KeepsIntervalWeekAndDay(int interval, int week, int day)
    {
        var rule = RecurrenceRule.MonthlyOnWeekday(interval, week, day);

        Assert.That(rule.Frequency, Is.EqualTo(RecurrenceFrequency.Monthly));
        Assert.That(rule.Interval, Is.EqualTo(interval));
        Assert.That(rule.Week, Is.EqualTo(week));
        Assert.That(rule.Day, Is.EqualTo(day));
        Assert.That(rule.DayOfMonth, Is.Null);
        Assert.That(rule.Days, Is.Null);
    }

    [TestCase(0, 1, 1, TestName = "MonthlyOnWeekday_WhenIntervalIsZero_ThrowsValidationError")]
    [TestCase(53, 1, 1, TestName = "MonthlyOnWeekday_WhenIntervalIs53_ThrowsValidationError")]
    [TestCase(1, 0, 1, TestName = "MonthlyOnWeekday_WhenWeekIsZero_ThrowsValidationError")]
    [TestCase(1, 6, 1, TestName = "MonthlyOnWeekday_WhenWeekIsSix_ThrowsValidationError")]
    [TestCase(1, 1, 0, TestName = "MonthlyOnWeekday_WhenDayIsZero_ThrowsValidationError")]
    [TestCase(1, 1, 8, TestName = "MonthlyOnWeekday_WhenDayIsEight_ThrowsValidationError")]
    public void MonthlyOnWeekday_WhenInvalid_ThrowsValidationError(int interval, int week, int day) =>
        Assert.That(() => RecurrenceRule.MonthlyOnWeekday(interval, week, day), ThrowsDomainError(ErrorCode.ValidationError));

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(52, true)]
    [TestCase(53, false)]
    public void IsValidInterval_ForEachValue_IsTrueOnlyFromOneTo52(int interval, bool expected) =>
        Assert.That(RecurrenceRule.IsValidInterval(interval), Is.EqualTo(expected));

    [Test]
    public void OccursOn_Weekly_MatchesOnlyTheGivenWeekdays()
    {
        var rule = RecurrenceRule.Weekly(1, [2, 4]);
        var start = new DateOnly(2026, 3, 16);

        var matches = Enumerable.Range(0, 7).Select(i => start.AddDays(i)).Where(d => rule.OccursOn(start, d));

        Assert.That(matches, Is.EqualTo(new[] { new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 19) }));
    }
}
