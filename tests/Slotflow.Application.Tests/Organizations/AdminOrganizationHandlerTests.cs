using Microsoft.Extensions.Time.Testing;
using Moq;
using Slotflow.Application.Organizations;
using Slotflow.Application.Organizations.CreateApiKey;
using Slotflow.Application.Organizations.GetOrganization;
using Slotflow.Application.Organizations.GetUsage;
using Slotflow.Application.Organizations.ListApiKeys;
using Slotflow.Application.Organizations.ListOrganizations;
using Slotflow.Application.Organizations.RevokeApiKey;
using Slotflow.Application.Organizations.UpdateOrganization;
using Slotflow.Application.Webhooks.ListDeliveries;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.Organizations;

public sealed class AdminOrganizationHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 13, 0, 0, TimeSpan.Zero);

    private Mock<IOrganizationRepository> _organizations = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _organizations = new Mock<IOrganizationRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _clock = new FakeTimeProvider(Now);
    }

    [Test]
    public async Task ListOrganizations_WithoutPaging_AsksForFiftyFromZeroAndEchoesThem()
    {
        var organization = Organization.Create("Acme", Plan.Starter, autoPurchase: true, Now);
        _organizations.Setup(o => o.ListAsync(50, 0, It.IsAny<CancellationToken>())).ReturnsAsync(([organization], 7));

        var list = await new ListOrganizationsQueryHandler(_organizations.Object).Handle(new ListOrganizationsQuery(null, null), CancellationToken.None);

        Assert.That((list.Total, list.Limit, list.Offset), Is.EqualTo((7, 50, 0)));
        Assert.That(list.Organizations.Single(), Is.EqualTo(new Application.Organizations.OrganizationDto(organization.Id, "Acme", "starter", true, Now)));
    }

    [Test]
    public void GetOrganization_WhenUnknown_ThrowsNotFound() =>
        Assert.That(
            async () => await new GetOrganizationQueryHandler(_organizations.Object).Handle(new GetOrganizationQuery(Guid.NewGuid()), CancellationToken.None),
            ThrowsDomainError(ErrorCode.NotFound));

    [Test]
    public async Task UpdateOrganization_WithPlanOnly_KeepsAutoPurchaseOnAPaidPlanAndSavesOnce()
    {
        var organization = Organization.Create("Acme", Plan.Starter, autoPurchase: true, Now);
        _organizations.Setup(o => o.FindAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);

        var dto = await UpdateHandler().Handle(new UpdateOrganizationCommand(organization.Id, Plan.Growth, null), CancellationToken.None);

        Assert.That((dto.Plan, dto.AutoPurchase), Is.EqualTo(("growth", true)));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task UpdateOrganization_DowngradeToFree_TurnsAutoPurchaseOffAndBumpsTheVersion()
    {
        var organization = Organization.Create("Acme", Plan.Growth, autoPurchase: true, Now);
        var version = organization.Version;
        _organizations.Setup(o => o.FindAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);

        var dto = await UpdateHandler().Handle(new UpdateOrganizationCommand(organization.Id, Plan.Free, null), CancellationToken.None);

        Assert.That((dto.Plan, dto.AutoPurchase), Is.EqualTo(("free", false)));
        Assert.That(organization.Version, Is.GreaterThan(version), "a cap claimed concurrently under the old plan must conflict");
    }

    [Test]
    public void UpdateOrganization_AutoPurchaseOnCurrentFreePlan_ThrowsValidationErrorAndSavesNothing()
    {
        var organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);
        _organizations.Setup(o => o.FindAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);

        Assert.That(
            async () => await UpdateHandler().Handle(new UpdateOrganizationCommand(organization.Id, null, true), CancellationToken.None),
            ThrowsDomainError(ErrorCode.ValidationError));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void UpdateOrganization_WhenUnknown_ThrowsNotFound() =>
        Assert.That(
            async () => await UpdateHandler().Handle(new UpdateOrganizationCommand(Guid.NewGuid(), Plan.Free, null), CancellationToken.None),
            ThrowsDomainError(ErrorCode.NotFound));

    [Test]
    public async Task CreateApiKey_IssuesAKeyStoredOnlyAsAHash_AndAnswersItsPlaintextOnce()
    {
        var organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);
        organization.IssueApiKey("default", Now);
        _organizations.Setup(o => o.FindWithApiKeysAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);

        var created = await new CreateApiKeyCommandHandler(_organizations.Object, _unitOfWork.Object, _clock)
            .Handle(new CreateApiKeyCommand(organization.Id, "ci"), CancellationToken.None);

        var key = organization.ApiKeys.Single(k => k.Id == created.Id);
        Assert.Multiple(() =>
        {
            Assert.That(organization.ApiKeys, Has.Count.EqualTo(2));
            Assert.That(created.ApiKey, Does.Match("^sk_live_[a-z0-9]{32}$"));
            Assert.That(key.Hash, Is.EqualTo(ApiKeySecret.Hash(created.ApiKey)));
            Assert.That((created.Name, created.Prefix, created.CreatedAt), Is.EqualTo(("ci", created.ApiKey[..12], Now)));
            Assert.That((created.LastUsedAt, created.RevokedAt), Is.EqualTo(((DateTimeOffset?)null, (DateTimeOffset?)null)));
        });
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void CreateApiKey_WhenOrganizationUnknown_ThrowsNotFound() =>
        Assert.That(
            async () => await new CreateApiKeyCommandHandler(_organizations.Object, _unitOfWork.Object, _clock)
                .Handle(new CreateApiKeyCommand(Guid.NewGuid(), "ci"), CancellationToken.None),
            ThrowsDomainError(ErrorCode.NotFound));

    [Test]
    public async Task ListApiKeys_AnswersEveryKeyOldestFirst()
    {
        var organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);
        organization.IssueApiKey("later", Now.AddMinutes(1));
        organization.IssueApiKey("first", Now);
        _organizations.Setup(o => o.ReadWithApiKeysAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);

        var list = await new ListApiKeysQueryHandler(_organizations.Object).Handle(new ListApiKeysQuery(organization.Id), CancellationToken.None);

        Assert.That(list.Total, Is.EqualTo(2));
        Assert.That(list.ApiKeys.Select(k => k.Name), Is.EqualTo(new[] { "first", "later" }));
    }

    [Test]
    public async Task RevokeApiKey_SetsRevokedAtOnce_AndRevokingAgainKeepsIt()
    {
        var organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);
        organization.IssueApiKey("default", Now);
        var keyId = organization.ApiKeys.Single().Id;
        _organizations.Setup(o => o.FindWithApiKeysAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);
        var keys = new Mock<IApiKeyCache>();
        var handler = new RevokeApiKeyCommandHandler(_organizations.Object, _unitOfWork.Object, keys.Object, _clock);

        var first = await handler.Handle(new RevokeApiKeyCommand(organization.Id, keyId), CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await handler.Handle(new RevokeApiKeyCommand(organization.Id, keyId), CancellationToken.None);

        Assert.That((first.RevokedAt, second.RevokedAt), Is.EqualTo(((DateTimeOffset?)Now, (DateTimeOffset?)Now)));
        keys.Verify(k => k.Forget(keyId), Times.Exactly(2));
    }

    [Test]
    public void RevokeApiKey_WhenKeyIsNotTheOrganizations_ThrowsNotFoundAndSavesNothing()
    {
        var organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);
        organization.IssueApiKey("default", Now);
        _organizations.Setup(o => o.FindWithApiKeysAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);

        Assert.That(
            async () => await new RevokeApiKeyCommandHandler(_organizations.Object, _unitOfWork.Object, Mock.Of<IApiKeyCache>(), _clock)
                .Handle(new RevokeApiKeyCommand(organization.Id, Guid.NewGuid()), CancellationToken.None),
            ThrowsDomainError(ErrorCode.NotFound));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(organization.ApiKeys.Single().RevokedAt, Is.Null);
    }

    [Test]
    public async Task GetUsage_CountsTheCurrentUtcMonthWithItsPacks_AndTheWholeLedger()
    {
        var organization = Organization.Create("Acme", Plan.Starter, autoPurchase: true, Now);
        var earlier = OverageCharge.ForPack(organization.Id, new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero));
        var thisMonth = OverageCharge.ForPack(organization.Id, Now);
        _organizations.Setup(o => o.ReadAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);
        _organizations.Setup(o => o.ReadUsageAsync(organization.Id, 202603, It.IsAny<CancellationToken>())).ReturnsAsync((1_001, 500));
        _organizations.Setup(o => o.ListChargesAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync([earlier, thisMonth]);
        var humans = new Mock<IHumanRepository>();
        humans.Setup(h => h.CountActiveAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(3);
        var webhooks = new Mock<IWebhookRepository>();
        webhooks.Setup(w => w.CountAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(2);

        var dto = await new GetOrganizationUsageQueryHandler(_organizations.Object, humans.Object, webhooks.Object, _clock)
            .Handle(new GetOrganizationUsageQuery(organization.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Month, Is.EqualTo("2026-03"));
            Assert.That(dto.Bookings, Is.EqualTo(new Application.Organizations.BookingUsageDto(1_001, 1_500, 1_000, 500)));
            Assert.That(dto.OveragePacks, Is.EqualTo(1));
            Assert.That(dto.Humans, Is.EqualTo(new Application.Organizations.CapUsageDto(3, 5)));
            Assert.That(dto.Webhooks, Is.EqualTo(new Application.Organizations.CapUsageDto(2, 10)));
            Assert.That(dto.Charges.Select(c => c.Month), Is.EqualTo(new[] { "2026-02", "2026-03" }));
            Assert.That(dto.Charges.Select(c => c.AmountCents), Has.All.EqualTo(1900));
        });
    }

    [Test]
    public async Task GetUsage_BeforeTheMonthsFirstBooking_IsZeroAgainstThePlan_AndGrowthWebhooksAreUncapped()
    {
        var organization = Organization.Create("Acme", Plan.Growth, autoPurchase: false, Now);
        _organizations.Setup(o => o.ReadAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);
        _organizations.Setup(o => o.ListChargesAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var dto = await new GetOrganizationUsageQueryHandler(_organizations.Object, new Mock<IHumanRepository>().Object, new Mock<IWebhookRepository>().Object, _clock)
            .Handle(new GetOrganizationUsageQuery(organization.Id), CancellationToken.None);

        Assert.That(dto.Bookings, Is.EqualTo(new Application.Organizations.BookingUsageDto(0, 10_000, 10_000, 0)));
        Assert.That(dto.Webhooks.Cap, Is.Null);
    }

    [Test]
    public void GetUsage_WhenUnknown_ThrowsNotFound() =>
        Assert.That(
            async () => await new GetOrganizationUsageQueryHandler(
                    _organizations.Object, new Mock<IHumanRepository>().Object, new Mock<IWebhookRepository>().Object, _clock)
                .Handle(new GetOrganizationUsageQuery(Guid.NewGuid()), CancellationToken.None),
            ThrowsDomainError(ErrorCode.NotFound));

    [Test]
    public async Task ListDeliveries_WithoutAWebhook_ListsTheWholeOrganization()
    {
        var organization = Organization.Create("Acme", Plan.Growth, autoPurchase: false, Now);
        _organizations.Setup(o => o.ReadAsync(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);
        var deliveries = new Mock<IWebhookDeliveryRepository>();
        deliveries.Setup(d => d.ListAsync(It.IsAny<WebhookDeliveryFilter>(), It.IsAny<CancellationToken>())).ReturnsAsync(([], 0));
        var webhooks = new Mock<IWebhookRepository>();

        var list = await new ListWebhookDeliveriesQueryHandler(webhooks.Object, deliveries.Object, _organizations.Object)
            .Handle(new ListWebhookDeliveriesQuery(organization.Id, null, WebhookDeliveryStatus.Failed, 10, 20), CancellationToken.None);

        deliveries.Verify(d => d.ListAsync(
            new WebhookDeliveryFilter(organization.Id, null, WebhookDeliveryStatus.Failed, 10, 20), It.IsAny<CancellationToken>()), Times.Once);
        webhooks.Verify(w => w.FindAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That((list.Total, list.Limit, list.Offset), Is.EqualTo((0, 10, 20)));
    }

    [Test]
    public void ListDeliveries_WithoutAWebhook_ForAnUnknownOrganization_ThrowsNotFound() =>
        Assert.That(
            async () => await new ListWebhookDeliveriesQueryHandler(
                    new Mock<IWebhookRepository>().Object, new Mock<IWebhookDeliveryRepository>().Object, _organizations.Object)
                .Handle(new ListWebhookDeliveriesQuery(Guid.NewGuid(), null, null, null, null), CancellationToken.None),
            ThrowsDomainError(ErrorCode.NotFound));

    private UpdateOrganizationCommandHandler UpdateHandler() => new(_organizations.Object, _unitOfWork.Object);
}
