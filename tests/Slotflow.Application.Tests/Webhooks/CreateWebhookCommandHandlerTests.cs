using Microsoft.Extensions.Time.Testing;
using Moq;
using Slotflow.Application.Webhooks;
using Slotflow.Application.Webhooks.CreateWebhook;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.Webhooks;

public sealed class CreateWebhookCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private Mock<IOrganizationRepository> _organizations = null!;
    private Mock<IWebhookRepository> _webhooks = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Mock<IWebhookTargetPolicy> _targets = null!;
    private Organization _organization = null!;
    private CreateWebhookCommandHandler _handler = null!;
    private CreateWebhookCommand _command = null!;

    [SetUp]
    public void SetUp()
    {
        _organizations = new Mock<IOrganizationRepository>();
        _webhooks = new Mock<IWebhookRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        // The handler saves inside a transaction; here it simply runs.
        _unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<Task<WebhookDto>>>(), It.IsAny<CancellationToken>()))
            .Returns<Func<Task<WebhookDto>>, CancellationToken>((work, _) => work());
        _targets = new Mock<IWebhookTargetPolicy>();
        _organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);
        _organizations.Setup(o => o.FindAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => _organization);
        _webhooks.Setup(w => w.ListUrlsAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _command = new CreateWebhookCommand(_organization.Id, "https://example.com/h", [Webhook.BookingConfirmed]);
        _handler = new CreateWebhookCommandHandler(
            _organizations.Object, _webhooks.Object, _targets.Object, _unitOfWork.Object, new FakeTimeProvider(Now));
    }

    [Test]
    public async Task Handle_BelowTheCap_AddsOneWebhookAndSavesOnce()
    {
        _webhooks.Setup(w => w.CountAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(1);

        var dto = await _handler.Handle(_command, CancellationToken.None);

        _webhooks.Verify(w => w.Add(It.Is<Webhook>(h => h.Id == dto.Id && h.OrganizationId == _organization.Id)), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.Multiple(() =>
        {
            Assert.That(dto.Url, Is.EqualTo("https://example.com/h"));
            Assert.That(dto.Events, Is.EqualTo(new[] { Webhook.BookingConfirmed }));
            Assert.That(dto.SigningSecret, Does.StartWith("whsec_"));
            Assert.That(dto.CreatedAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public void Handle_AtTheCap_ThrowsLimitReached_AndNeitherAddsNorSaves()
    {
        _webhooks.Setup(w => w.CountAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(2);

        Assert.That(async () => await _handler.Handle(_command, CancellationToken.None), ThrowsDomainError(ErrorCode.LimitReached));
        _webhooks.Verify(w => w.Add(It.IsAny<Webhook>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenTheTargetPolicyRefusesTheUrl_ThrowsValidationErrorWithItsReason_AndSavesNothing()
    {
        _targets.Setup(t => t.RefusalAsync(new Uri("https://example.com/h"), It.IsAny<CancellationToken>())).ReturnsAsync("url is private.");

        Assert.That(
            async () => await _handler.Handle(_command, CancellationToken.None),
            Throws.TypeOf<DomainException>()
                .With.Property(nameof(DomainException.Code)).EqualTo(ErrorCode.ValidationError)
                .And.Message.EqualTo("url is private."));
        _webhooks.Verify(w => w.Add(It.IsAny<Webhook>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase("https://example.com/h", TestName = "Handle_WithAUrlAlreadyRegistered_ThrowsValidationError_AndSavesNothing")]
    [TestCase("https://EXAMPLE.com:443/h#old", TestName = "Handle_WithAUrlRegisteredInAnotherSpelling_ThrowsValidationError_AndSavesNothing")]
    public void Handle_WithADuplicateUrl_ThrowsValidationError_AndSavesNothing(string registered)
    {
        _webhooks.Setup(w => w.ListUrlsAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync([registered]);

        Assert.That(async () => await _handler.Handle(_command, CancellationToken.None), ThrowsDomainError(ErrorCode.ValidationError));
        _webhooks.Verify(w => w.Add(It.IsAny<Webhook>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_StoresAndChecksTheCanonicalUrl()
    {
        var dto = await _handler.Handle(_command with { Url = "HTTPS://Example.COM:443/h#section" }, CancellationToken.None);

        Assert.That(dto.Url, Is.EqualTo("https://example.com/h"));
        _webhooks.Verify(w => w.Add(It.Is<Webhook>(h => h.Url == "https://example.com/h")), Times.Once);
        _targets.Verify(t => t.RefusalAsync(new Uri("https://example.com/h"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WhenAnotherCreateWonTheRace_DecidesAgainFromFreshReads()
    {
        _webhooks.SetupSequence(w => w.CountAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(0).ReturnsAsync(1);
        _unitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")))
            .Returns(Task.CompletedTask);

        await ConflictRetry.Send(_handler, _command, _unitOfWork.Object);

        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _webhooks.Verify(w => w.CountAsync(_organization.Id, It.IsAny<CancellationToken>()), Times.Exactly(2));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
