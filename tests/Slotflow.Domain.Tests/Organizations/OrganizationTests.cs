using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Organizations;

public sealed class OrganizationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 9, 30, 0, TimeSpan.FromHours(2));

    [TestCase(Plan.Free, false)]
    [TestCase(Plan.Starter, false)]
    [TestCase(Plan.Starter, true)]
    [TestCase(Plan.Growth, false)]
    [TestCase(Plan.Growth, true)]
    public void Create_WhenInputIsValid_KeepsPlanAndAutoPurchase(Plan plan, bool autoPurchase)
    {
        var organization = Organization.Create("Acme", plan, autoPurchase, Now);

        Assert.That(organization.Id, Is.Not.EqualTo(Guid.Empty));
        Assert.That(organization.Name, Is.EqualTo("Acme"));
        Assert.That(organization.Plan, Is.EqualTo(plan));
        Assert.That(organization.AutoPurchase, Is.EqualTo(autoPurchase));
        Assert.That(organization.Limits, Is.EqualTo(PlanLimits.For(plan)));
        Assert.That(organization.Version, Is.Zero);
        Assert.That(organization.ApiKeys, Is.Empty);
    }

    [Test]
    public void Create_Always_StoresCreatedAtInUtc()
    {
        var organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);

        Assert.That(organization.CreatedAt, Is.EqualTo(Now));
        Assert.That(organization.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Create_WhenNameIsBlank_ThrowsValidationError(string? name) =>
        Assert.That(() => Organization.Create(name!, Plan.Starter, autoPurchase: false, Now), ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void ReleaseWebhookSlot_BumpsVersion_SoKeptWebhookListsAreStale()
    {
        var organization = Organization.Create("Acme", Plan.Growth, autoPurchase: false, Now);

        organization.ReleaseWebhookSlot();

        Assert.That(organization.Version, Is.EqualTo(1));
    }

    [Test]
    public void Create_WhenNameIs201Characters_ThrowsValidationError() =>
        Assert.That(() => Organization.Create(new string('a', 201), Plan.Starter, autoPurchase: false, Now), ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void Create_WhenAutoPurchaseOnFreePlan_ThrowsValidationError() =>
        Assert.That(() => Organization.Create("Acme", Plan.Free, autoPurchase: true, Now), ThrowsDomainError(ErrorCode.ValidationError));

    [TestCase(Plan.Free, 0)]
    [TestCase(Plan.Starter, 0)]
    [TestCase(Plan.Starter, 4)]
    [TestCase(Plan.Growth, 0)]
    [TestCase(Plan.Growth, 24)]
    public void ClaimHumanSeat_WhenBelowPlanCap_AdmitsAndBumpsVersion(Plan plan, int activeHumans)
    {
        var organization = Organization.Create("Acme", plan, autoPurchase: false, Now);

        organization.ClaimHumanSeat(activeHumans);

        Assert.That(organization.Version, Is.EqualTo(1));
    }

    [TestCase(Plan.Free, 1)]
    [TestCase(Plan.Free, 2)]
    [TestCase(Plan.Starter, 5)]
    [TestCase(Plan.Starter, 6)]
    [TestCase(Plan.Growth, 25)]
    public void ClaimHumanSeat_WhenAtOrAbovePlanCap_ThrowsLimitReachedAndKeepsVersion(Plan plan, int activeHumans)
    {
        var organization = Organization.Create("Acme", plan, autoPurchase: false, Now);

        Assert.That(() => organization.ClaimHumanSeat(activeHumans), ThrowsDomainError(ErrorCode.LimitReached));
        Assert.That(organization.Version, Is.Zero);
    }

    [Test]
    public void ClaimHumanSeat_WhenClaimedTwice_BumpsVersionEachTime()
    {
        var organization = Organization.Create("Acme", Plan.Starter, autoPurchase: false, Now);

        organization.ClaimHumanSeat(0);
        organization.ClaimHumanSeat(1);

        Assert.That(organization.Version, Is.EqualTo(2));
    }
}
