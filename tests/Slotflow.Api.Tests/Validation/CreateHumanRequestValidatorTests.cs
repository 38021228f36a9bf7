using Slotflow.Api.Contracts;
using Slotflow.Api.Validation;
using static Slotflow.Api.Tests.Validation.ValidationAssert;

namespace Slotflow.Api.Tests.Validation;

public sealed class CreateHumanRequestValidatorTests
{
    private static readonly CreateHumanRequest Valid = new("Ada Lovelace", "America/New_York", "ada@example.com", "Engineer");

    private static IEnumerable<TestCaseData> ValidCommands()
    {
        yield return new TestCaseData(Valid).SetName("Validate_WhenEveryFieldIsGiven_HasNoErrors");
        yield return new TestCaseData(Valid with { Email = null, Role = null }).SetName("Validate_WhenEmailAndRoleAreNull_HasNoErrors");
        yield return new TestCaseData(Valid with { Name = new string('n', 200) }).SetName("Validate_WhenNameIs200Characters_HasNoErrors");
        yield return new TestCaseData(Valid with { Timezone = "Asia/Kathmandu" }).SetName("Validate_WhenTimezoneIsKathmandu_HasNoErrors");
        yield return new TestCaseData(Valid with { Timezone = "UTC" }).SetName("Validate_WhenTimezoneIsUtc_HasNoErrors");
    }

    private static IEnumerable<TestCaseData> InvalidCommands()
    {
        yield return Case(Valid with { Name = null }, "name", "NameMissing");
        yield return Case(Valid with { Name = "" }, "name", "NameEmpty");
        yield return Case(Valid with { Name = "   " }, "name", "NameBlank");
        yield return Case(Valid with { Name = new string('n', 201) }, "name", "NameIs201Characters");
        yield return Case(Valid with { Timezone = null }, "timezone", "TimezoneMissing");
        yield return Case(Valid with { Timezone = "" }, "timezone", "TimezoneEmpty");
        yield return Case(Valid with { Timezone = "America/San_Francisco" }, "timezone", "TimezoneIsNotInTheTzDatabase");
        yield return Case(Valid with { Timezone = "Pacific Standard Time" }, "timezone", "TimezoneIsAWindowsId");
        yield return Case(Valid with { Email = "not-an-email" }, "email", "EmailHasNoAt");
        yield return Case(Valid with { Email = new string('e', 243) + "@example.com" }, "email", "EmailIsLongerThan254");
        yield return Case(Valid with { Role = new string('r', 201) }, "role", "RoleIsLongerThan200");

        static TestCaseData Case(CreateHumanRequest command, string field, string when) =>
            new TestCaseData(command, field).SetName($"Validate_When{when}_RefusesOnly{field}");
    }

    [TestCaseSource(nameof(ValidCommands))]
    public void Validate_WhenCommandIsValid_HasNoErrors(CreateHumanRequest command) =>
        Assert.That(InvalidFields(new CreateHumanRequestValidator(), command), Is.Empty);

    [TestCaseSource(nameof(InvalidCommands))]
    public void Validate_WhenOneFieldIsInvalid_NamesThatWireField(CreateHumanRequest command, string field) =>
        Assert.That(InvalidFields(new CreateHumanRequestValidator(), command), Is.EqualTo(new[] { field }));
}
