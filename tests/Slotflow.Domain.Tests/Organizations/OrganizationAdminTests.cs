using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Organizations;

public sealed class OrganizationAdminTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 9, 30, 0, TimeSpan.Zero);

    [TestCase(Plan.Free, false, Plan.Growth, true, Plan.Growth, true)]
    [TestCase(Plan.Starter, true, Plan.Growth, null, Plan.Growth, true)]
    [TestCase(Plan.Growth, true, Plan.Free, null, Plan.Free, false)]
    [TestCase(Plan.Growth, true, Plan.Starter, false, Plan.Starter, false)]
    [TestCase(Plan.Free, false, Plan.Free, false, Plan.Free, false)]
    public void ChangePlan_Always_EndsOnAValidPlanAndAutoPurchase(
        Plan from, bool autoPurchase, Plan to, bool? requested, Plan expectedPlan, bool expectedAutoPurchase)
    {
        var organization = Organization.Create("Acme", from, autoPurchase, Now);

        organization.ChangePlan(to, requested);

        Assert.That((organization.Plan, organization.AutoPurchase), Is.EqualTo((expectedPlan, expectedAutoPurchase)));
    }

    [Test]
    public void ChangePlan_WithAutoPurchaseOnFree_ThrowsValidationErrorAndChangesNothing()
    {
        var organization = Organization.Create("Acme", Plan.Growth, autoPurchase: true, Now);

        Assert.That(() => organization.ChangePlan(Plan.Free, autoPurchase: true), ThrowsDomainError(ErrorCode.ValidationError));
        Assert.That((organization.Plan, organization.AutoPurchase), Is.EqualTo((Plan.Growth, true)));
    }

    [Test]
    public void ChangePlan_Always_BumpsTheVersion()
    {
        var organization = Organization.Create("Acme", Plan.Growth, autoPurchase: false, Now);
        var version = organization.Version;

        organization.ChangePlan(Plan.Free, autoPurchase: null);

        Assert.That(organization.Version, Is.EqualTo(version + 1));
    }

    [Test]
    public void RevokeApiKey_Twice_KeepsTheFirstRevocationTime()
    {
        var organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);
        organization.IssueApiKey("default", Now);
        var key = organization.ApiKeys.Single();

        organization.RevokeApiKey(key.Id, Now.AddMinutes(1));
        organization.RevokeApiKey(key.Id, Now.AddMinutes(2));

        Assert.That(key.RevokedAt, Is.EqualTo(Now.AddMinutes(1)));
        Assert.That(key.IsRevoked, Is.True);
    }

    [Test]
    public void RevokeApiKey_OfAnotherOrganizationsKey_ThrowsNotFound()
    {
        var organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);

        Assert.That(() => organization.RevokeApiKey(Guid.NewGuid(), Now), ThrowsDomainError(ErrorCode.NotFound));
    }
}
