using Slotflow.Api.Contracts;
using Slotflow.Api.Validation;
using static Slotflow.Api.Tests.Validation.ValidationAssert;

namespace Slotflow.Api.Tests.Validation;

public sealed class AdminCreateOrganizationRequestValidatorTests
{
    [TestCase("Acme", "free", false)]
    [TestCase("Acme", "starter", false)]
    [TestCase("Acme", "starter", true)]
    [TestCase("Acme", "growth", true)]
    public void Validate_WhenCommandIsValid_HasNoErrors(string name, string plan, bool autoPurchase) =>
        Assert.That(InvalidFields(new AdminCreateOrganizationRequestValidator(), new AdminCreateOrganizationRequest(name, plan, autoPurchase)), Is.Empty);

    [TestCase(null, "free", false, "name", TestName = "Validate_WhenNameMissing_RefusesOnlyName")]
    [TestCase("", "free", false, "name", TestName = "Validate_WhenNameEmpty_RefusesOnlyName")]
    [TestCase("   ", "free", false, "name", TestName = "Validate_WhenNameBlank_RefusesOnlyName")]
    [TestCase("Acme", "enterprise", false, "plan", TestName = "Validate_WhenPlanUnknown_RefusesOnlyPlan")]
    [TestCase("Acme", null, false, "plan", TestName = "Validate_WhenPlanMissing_RefusesOnlyPlan")]
    [TestCase("Acme", "Starter", false, "plan", TestName = "Validate_WhenPlanNotLowercase_RefusesOnlyPlan")]
    [TestCase("Acme", "enterprise", true, "plan", TestName = "Validate_WhenPlanUnknownWithAutoPurchase_RefusesOnlyPlan")]
    [TestCase("Acme", "free", true, "auto_purchase", TestName = "Validate_WhenAutoPurchaseOnFreePlan_RefusesOnlyAutoPurchase")]
    public void Validate_WhenOneFieldIsInvalid_NamesThatWireField(string? name, string? plan, bool autoPurchase, string field) =>
        Assert.That(
            InvalidFields(new AdminCreateOrganizationRequestValidator(), new AdminCreateOrganizationRequest(name, plan, autoPurchase)),
            Is.EqualTo(new[] { field }));

    [Test]
    public void Validate_WhenNameIs201Characters_RefusesOnlyName() =>
        Assert.That(
            InvalidFields(new AdminCreateOrganizationRequestValidator(), new AdminCreateOrganizationRequest(new string('a', 201), "free", false)),
            Is.EqualTo(new[] { "name" }));
}
