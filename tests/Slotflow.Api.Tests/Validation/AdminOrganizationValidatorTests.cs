using Slotflow.Api.Contracts;
using Slotflow.Api.Validation;
using static Slotflow.Api.Tests.Validation.ValidationAssert;

namespace Slotflow.Api.Tests.Validation;

public sealed class ListOrganizationsRequestValidatorTests
{
    [TestCase(null, null)]
    [TestCase("1", "0")]
    [TestCase("100", "5000")]
    public void Validate_WhenPagingIsValidOrAbsent_HasNoErrors(string? limit, string? offset) =>
        Assert.That(InvalidFields(new ListOrganizationsRequestValidator(), new ListOrganizationsRequest { Limit = limit, Offset = offset }), Is.Empty);

    [TestCase("0", null, "limit", TestName = "Validate_WhenLimitZero_RefusesLimit")]
    [TestCase("101", null, "limit", TestName = "Validate_WhenLimitOver100_RefusesLimit")]
    [TestCase("ten", null, "limit", TestName = "Validate_WhenLimitNotANumber_RefusesLimit")]
    [TestCase("+5", null, "limit", TestName = "Validate_WhenLimitSigned_RefusesLimit")]
    [TestCase(null, "-1", "offset", TestName = "Validate_WhenOffsetNegative_RefusesOffset")]
    [TestCase(null, "1.5", "offset", TestName = "Validate_WhenOffsetFractional_RefusesOffset")]
    public void Validate_WhenOneParameterIsInvalid_NamesIt(string? limit, string? offset, string field) =>
        Assert.That(InvalidFields(new ListOrganizationsRequestValidator(), new ListOrganizationsRequest { Limit = limit, Offset = offset }), Is.EqualTo(new[] { field }));
}

public sealed class AdminUpdateOrganizationRequestValidatorTests
{
    [TestCase(null, null)]
    [TestCase("free", null)]
    [TestCase("free", false)]
    [TestCase("starter", true)]
    [TestCase(null, true)]
    [TestCase("growth", false)]
    public void Validate_WhenCommandIsValid_HasNoErrors(string? plan, bool? autoPurchase) =>
        Assert.That(InvalidFields(new AdminUpdateOrganizationRequestValidator(), new AdminUpdateOrganizationRequest(plan, autoPurchase)), Is.Empty);

    [TestCase("enterprise", null, "plan", TestName = "Validate_WhenPlanUnknown_RefusesOnlyPlan")]
    [TestCase("Growth", null, "plan", TestName = "Validate_WhenPlanNotLowercase_RefusesOnlyPlan")]
    [TestCase("enterprise", true, "plan", TestName = "Validate_WhenPlanUnknownWithAutoPurchase_RefusesOnlyPlan")]
    [TestCase("free", true, "auto_purchase", TestName = "Validate_WhenAutoPurchaseWithFree_RefusesOnlyAutoPurchase")]
    public void Validate_WhenOneFieldIsInvalid_NamesThatWireField(string? plan, bool? autoPurchase, string field) =>
        Assert.That(
            InvalidFields(new AdminUpdateOrganizationRequestValidator(), new AdminUpdateOrganizationRequest(plan, autoPurchase)),
            Is.EqualTo(new[] { field }));
}

public sealed class AdminCreateApiKeyRequestValidatorTests
{
    [TestCase("ci")]
    [TestCase("a")]
    public void Validate_WhenNameIsValid_HasNoErrors(string name) =>
        Assert.That(InvalidFields(new AdminCreateApiKeyRequestValidator(), new AdminCreateApiKeyRequest(name)), Is.Empty);

    [TestCase(null, TestName = "Validate_WhenNameMissing_RefusesName")]
    [TestCase("", TestName = "Validate_WhenNameEmpty_RefusesName")]
    [TestCase("   ", TestName = "Validate_WhenNameBlank_RefusesName")]
    public void Validate_WhenNameIsMissingOrBlank_RefusesName(string? name) =>
        Assert.That(InvalidFields(new AdminCreateApiKeyRequestValidator(), new AdminCreateApiKeyRequest(name)), Is.EqualTo(new[] { "name" }));

    [Test]
    public void Validate_WhenNameIs201Characters_RefusesName() =>
        Assert.That(
            InvalidFields(new AdminCreateApiKeyRequestValidator(), new AdminCreateApiKeyRequest(new string('k', 201))),
            Is.EqualTo(new[] { "name" }));
}
