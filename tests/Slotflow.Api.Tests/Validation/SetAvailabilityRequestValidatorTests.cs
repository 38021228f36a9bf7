using Slotflow.Api.Contracts;
using Slotflow.Api.Validation;
using static Slotflow.Api.Tests.Validation.ValidationAssert;

namespace Slotflow.Api.Tests.Validation;

public sealed class SetAvailabilityRequestValidatorTests
{
    private static readonly SetAvailabilityRequest Valid = new([1, 2, 3, 4, 5], "09:00", "17:00", [30, 60]);

    private static IEnumerable<TestCaseData> ValidCommands()
    {
        yield return new TestCaseData(Valid).SetName("Validate_WhenWeekdaysNineToFive_HasNoErrors");
        yield return new TestCaseData(Valid with { WorkEnd = "24:00" }).SetName("Validate_WhenWorkEndIsEndOfDay_HasNoErrors");
        yield return new TestCaseData(Valid with { WorkingDays = [7], WorkStart = "00:00", WorkEnd = "00:05", MeetingDurations = [5] })
            .SetName("Validate_WhenSundayFiveMinutes_HasNoErrors");
        yield return new TestCaseData(Valid with { MeetingDurations = [720, 5] }).SetName("Validate_WhenDurationsAreTheBounds_HasNoErrors");
    }

    private static IEnumerable<TestCaseData> InvalidCommands()
    {
        yield return Case(Valid with { WorkStart = null }, "work_start", "WorkStartMissing");
        yield return Case(Valid with { WorkStart = "9:00" }, "work_start", "WorkStartHasOneHourDigit");
        yield return Case(Valid with { WorkStart = "25:00" }, "work_start", "WorkStartIs25");
        yield return Case(Valid with { WorkStart = "24:00", WorkEnd = "24:00" }, "work_start", "WorkStartIsEndOfDay");
        yield return Case(Valid with { WorkStart = "17:00", WorkEnd = "09:00" }, "work_start", "WorkStartIsAfterWorkEnd");
        yield return Case(Valid with { WorkStart = "09:00", WorkEnd = "09:00" }, "work_start", "WorkStartEqualsWorkEnd");
        yield return Case(Valid with { WorkEnd = null }, "work_end", "WorkEndMissing");
        yield return Case(Valid with { WorkEnd = "24:01" }, "work_end", "WorkEndIsPastEndOfDay");
        yield return Case(Valid with { WorkEnd = "5pm" }, "work_end", "WorkEndIsNotHourMinute");
        yield return Case(Valid with { WorkingDays = null }, "working_days", "WorkingDaysMissing");
        yield return Case(Valid with { WorkingDays = [] }, "working_days", "WorkingDaysEmpty");
        yield return Case(Valid with { WorkingDays = [0] }, "working_days", "WorkingDayIsZero");
        yield return Case(Valid with { WorkingDays = [8] }, "working_days", "WorkingDayIsEight");
        yield return Case(Valid with { WorkingDays = [1, 1] }, "working_days", "WorkingDaysRepeat");
        yield return Case(Valid with { MeetingDurations = null }, "meeting_durations", "MeetingDurationsMissing");
        yield return Case(Valid with { MeetingDurations = [] }, "meeting_durations", "MeetingDurationsEmpty");
        yield return Case(Valid with { MeetingDurations = [0] }, "meeting_durations", "DurationIsZero");
        yield return Case(Valid with { MeetingDurations = [7] }, "meeting_durations", "DurationIsNotMultipleOfFive");
        yield return Case(Valid with { MeetingDurations = [1000] }, "meeting_durations", "DurationIsAbove720");
        yield return Case(Valid with { MeetingDurations = [30, 30] }, "meeting_durations", "DurationsRepeat");

        static TestCaseData Case(SetAvailabilityRequest command, string field, string when) =>
            new TestCaseData(command, field).SetName($"Validate_When{when}_RefusesOnly{field}");
    }

    [TestCaseSource(nameof(ValidCommands))]
    public void Validate_WhenCommandIsValid_HasNoErrors(SetAvailabilityRequest command) =>
        Assert.That(InvalidFields(new SetAvailabilityRequestValidator(), command), Is.Empty);

    [TestCaseSource(nameof(InvalidCommands))]
    public void Validate_WhenOneFieldIsInvalid_NamesThatWireField(SetAvailabilityRequest command, string field) =>
        Assert.That(InvalidFields(new SetAvailabilityRequestValidator(), command), Is.EqualTo(new[] { field }));

    [Test]
    public void Validate_WhenEveryFieldIsMissing_NamesAllFour() =>
        Assert.That(
            InvalidFields(new SetAvailabilityRequestValidator(), new SetAvailabilityRequest(null, null, null, null)),
            Is.EquivalentTo(new[] { "working_days", "work_start", "work_end", "meeting_durations" }));
}
