using Slotflow.Api.Contracts;
using Slotflow.Api.Validation;
using static Slotflow.Api.Tests.Validation.ValidationAssert;

namespace Slotflow.Api.Tests.Validation;

public sealed class ListOverridesRequestValidatorTests
{
    private static readonly ListOverridesRequest Unpaged = new();

    [TestCase(null, null)]
    [TestCase("1", "0")]
    [TestCase("1000", "999")]
    [TestCase("50", "1000000")]
    public void Validate_WhenLimitIs1To1000AndOffsetIsNotNegative_HasNoErrors(string? limit, string? offset) =>
        Assert.That(InvalidFields(new ListOverridesRequestValidator(), Unpaged with { Limit = limit, Offset = offset }), Is.Empty);

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
        Assert.That(InvalidFields(new ListOverridesRequestValidator(), Unpaged with { Limit = limit, Offset = offset }), Is.EqualTo(new[] { field }));

    [Test]
    public void Validate_WhenLimitIsTooLarge_SaysTheOverridesMaximum() =>
        Assert.That(
            new ListOverridesRequestValidator().Validate(Unpaged with { Limit = "1001" }).Errors.Single().ErrorMessage,
            Is.EqualTo("limit must be a whole number from 1 to 1000."));
}
