using Slotflow.Application.ScheduleOverrides.ListOverrides;
using static Slotflow.Application.Tests.ValidationAssert;

namespace Slotflow.Application.Tests.ScheduleOverrides;

public sealed class ListOverridesQueryValidatorTests
{
    private static readonly ListOverridesQuery Unpaged = new(Guid.NewGuid(), Guid.NewGuid(), null, null);

    [TestCase(null, null)]
    [TestCase("1", "0")]
    [TestCase("1000", "999")]
    [TestCase("50", "1000000")]
    public void Validate_WhenLimitIs1To1000AndOffsetIsNotNegative_HasNoErrors(string? limit, string? offset) =>
        Assert.That(InvalidFields(new ListOverridesQueryValidator(), Unpaged with { Limit = limit, Offset = offset }), Is.Empty);

    [TestCase("0", null, "limit")]
    [TestCase("1001", null, "limit")]
    [TestCase("-1", null, "limit")]
    [TestCase("+5", null, "limit")]
    [TestCase("1.5", null, "limit")]
    [TestCase("99999999999", null, "limit")]
    [TestCase(null, "-1", "offset")]
    [TestCase(null, "abc", "offset")]
    [TestCase(null, "99999999999", "offset")]
    public void Validate_WhenOneParameterIsInvalid_NamesThatParameter(string? limit, string? offset, string field) =>
        Assert.That(InvalidFields(new ListOverridesQueryValidator(), Unpaged with { Limit = limit, Offset = offset }), Is.EqualTo(new[] { field }));

    [Test]
    public void Validate_WhenLimitIsTooLarge_SaysTheOverridesMaximum() =>
        Assert.That(
            new ListOverridesQueryValidator().Validate(Unpaged with { Limit = "1001" }).Errors.Single().ErrorMessage,
            Is.EqualTo("limit must be a whole number from 1 to 1000."));
}
