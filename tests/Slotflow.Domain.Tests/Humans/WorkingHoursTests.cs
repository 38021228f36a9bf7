using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Humans;

public sealed class WorkingHoursTests
{
    [TestCase(new[] { 1, 2, 3, 4, 5 }, "09:00", "17:00", new[] { 30, 60 })]
    [TestCase(new[] { 1, 2, 3, 4, 5 }, "09:00", "24:00", new[] { 30 })]
    [TestCase(new[] { 7 }, "00:00", "00:05", new[] { 5 })]
    [TestCase(new[] { 5, 1, 3 }, "08:30", "12:15", new[] { 720, 5, 45 })]
    public void Create_WhenRulesAreValid_KeepsThemInTheGivenOrder(int[] days, string start, string end, int[] durations)
    {
        var hours = WorkingHours.Create(days, Time(start), Time(end), durations);

        Assert.That(hours.WorkingDays, Is.EqualTo(days));
        Assert.That(hours.WorkStart.ToString(), Is.EqualTo(start));
        Assert.That(hours.WorkEnd.ToString(), Is.EqualTo(end));
        Assert.That(hours.MeetingDurations, Is.EqualTo(durations));
    }

    [TestCase(new int[0], "09:00", "17:00", new[] { 30 }, TestName = "Create_WhenWorkingDaysEmpty_ThrowsValidationError")]
    [TestCase(new[] { 0, 1 }, "09:00", "17:00", new[] { 30 }, TestName = "Create_WhenWorkingDayIsZero_ThrowsValidationError")]
    [TestCase(new[] { 1, 8 }, "09:00", "17:00", new[] { 30 }, TestName = "Create_WhenWorkingDayIsEight_ThrowsValidationError")]
    [TestCase(new[] { 1, 2, 1 }, "09:00", "17:00", new[] { 30 }, TestName = "Create_WhenWorkingDaysRepeat_ThrowsValidationError")]
    [TestCase(new[] { 1 }, "09:00", "09:00", new[] { 30 }, TestName = "Create_WhenStartEqualsEnd_ThrowsValidationError")]
    [TestCase(new[] { 1 }, "17:00", "09:00", new[] { 30 }, TestName = "Create_WhenStartIsAfterEnd_ThrowsValidationError")]
    [TestCase(new[] { 1 }, "09:00", "17:00", new int[0], TestName = "Create_WhenMeetingDurationsEmpty_ThrowsValidationError")]
    [TestCase(new[] { 1 }, "09:00", "17:00", new[] { 0 }, TestName = "Create_WhenDurationIsZero_ThrowsValidationError")]
    [TestCase(new[] { 1 }, "09:00", "17:00", new[] { 4 }, TestName = "Create_WhenDurationIsFour_ThrowsValidationError")]
    [TestCase(new[] { 1 }, "09:00", "17:00", new[] { 7 }, TestName = "Create_WhenDurationIsNotMultipleOfFive_ThrowsValidationError")]
    [TestCase(new[] { 1 }, "09:00", "17:00", new[] { 725 }, TestName = "Create_WhenDurationIs725_ThrowsValidationError")]
    [TestCase(new[] { 1 }, "09:00", "17:00", new[] { 1000 }, TestName = "Create_WhenDurationIs1000_ThrowsValidationError")]
    [TestCase(new[] { 1 }, "09:00", "17:00", new[] { 30, 60, 30 }, TestName = "Create_WhenDurationsRepeat_ThrowsValidationError")]
    public void Create_WhenRulesAreInvalid_ThrowsValidationError(int[] days, string start, string end, int[] durations) =>
        Assert.That(() => WorkingHours.Create(days, Time(start), Time(end), durations), ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void Create_WhenStartIsEndOfDay_ThrowsValidationError() =>
        Assert.That(
            () => WorkingHours.Create([1], ClockTime.FromMinutes(ClockTime.EndOfDayMinutes), ClockTime.FromMinutes(ClockTime.EndOfDayMinutes), [30]),
            ThrowsDomainError(ErrorCode.ValidationError));

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(4, true)]
    [TestCase(7, true)]
    [TestCase(8, false)]
    [TestCase(-1, false)]
    public void WeekdaysIsValid_ForEachDay_IsTrueOnlyFromOneToSeven(int day, bool expected) =>
        Assert.That(Weekdays.IsValid(day), Is.EqualTo(expected));

    [TestCase(0, false)]
    [TestCase(4, false)]
    [TestCase(5, true)]
    [TestCase(7, false)]
    [TestCase(30, true)]
    [TestCase(720, true)]
    [TestCase(725, false)]
    [TestCase(1000, false)]
    [TestCase(-5, false)]
    public void IsAllowedDurationValue_ForEachValue_IsTrueOnlyForMultiplesOfFiveFrom5To720(int minutes, bool expected) =>
        Assert.That(WorkingHours.IsAllowedDurationValue(minutes), Is.EqualTo(expected));

    [TestCase(30, true)]
    [TestCase(60, true)]
    [TestCase(45, false)]
    [TestCase(0, false)]
    public void Allows_ForEachDuration_IsTrueOnlyForTheMeetingDurations(int minutes, bool expected)
    {
        var hours = WorkingHours.Create([1, 2, 3, 4, 5], Time("09:00"), Time("17:00"), [30, 60]);

        Assert.That(hours.Allows(minutes), Is.EqualTo(expected));
    }

    private static ClockTime Time(string text) => ClockTime.Parse(text, allowEndOfDay: true);
}
