using Microsoft.Extensions.Time.Testing;
using Moq;
using Slotflow.Application.Webhooks;
using Slotflow.Application.Webhooks.RetryDelivery;
using Slotflow.Domain.Common;
using Slotflow.Domain.Webhooks;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.Webhooks;

public sealed class RetryWebhookDeliveryCommandHandlerTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private Mock<IWebhookRepository> _webhooks = null!;
    private Mock<IWebhookDeliveryRepository> _deliveries = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Webhook _webhook = null!;
    private WebhookDelivery _delivery = null!;
    private RetryWebhookDeliveryCommand _command = null!;
    private RetryWebhookDeliveryCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _webhooks = new Mock<IWebhookRepository>();
        _deliveries = new Mock<IWebhookDeliveryRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        // The handler saves inside a transaction; here it simply runs.
        _unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<Task<WebhookDeliveryDto>>>(), It.IsAny<CancellationToken>()))
            .Returns<Func<Task<WebhookDeliveryDto>>, CancellationToken>((work, _) => work());
        _webhook = Webhook.Create(Guid.NewGuid(), "https://example.com/h", [Webhook.BookingConfirmed], Created);
        _delivery = Failed(_webhook);
        _webhooks.Setup(w => w.FindAsync(_webhook.OrganizationId, _webhook.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => _webhook);
        _deliveries.Setup(d => d.FindAsync(_webhook.Id, _delivery.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => _delivery);
        _command = new RetryWebhookDeliveryCommand(_webhook.OrganizationId, _webhook.Id, _delivery.Id);
        _handler = new RetryWebhookDeliveryCommandHandler(_webhooks.Object, _deliveries.Object, _unitOfWork.Object, new FakeTimeProvider(Now));
    }

    [Test]
    public void Handle_ForAnUnknownWebhook_ThrowsNotFound_AndSavesNothing()
    {
        var command = _command with { WebhookId = Guid.NewGuid() };

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.NotFound));
        _deliveries.Verify(d => d.FindAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_ForAnotherOrganizationsWebhook_ThrowsNotFound_AndSavesNothing()
    {
        var command = _command with { OrganizationId = Guid.NewGuid() };

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.NotFound));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_ForAnUnknownDelivery_ThrowsNotFound_AndSavesNothing()
    {
        var command = _command with { DeliveryId = Guid.NewGuid() };

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.NotFound));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_ForAFailedDelivery_MakesItPendingAndDueNow_AndSavesOnce()
    {
        var dto = await _handler.Handle(_command, CancellationToken.None);

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(_delivery.Id));
            Assert.That(dto.WebhookId, Is.EqualTo(_webhook.Id));
            Assert.That(dto.Status, Is.EqualTo("pending"));
            Assert.That(dto.NextAttemptAt, Is.EqualTo(Now));
            Assert.That(dto.AttemptCount, Is.EqualTo(3));
            Assert.That(dto.Attempts, Has.Count.EqualTo(3));
            Assert.That(dto.LastResponseCode, Is.EqualTo(503));
            Assert.That(_delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
        });
    }

    [Test]
    public async Task Handle_WhenTheWorkerChangedTheDeliveryFirst_DecidesAgainFromAFreshRead()
    {
        var stale = _delivery;
        var fresh = Failed(_webhook);
        _deliveries.SetupSequence(d => d.FindAsync(_webhook.Id, stale.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(stale)
            .ReturnsAsync(fresh);
        _unitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")))
            .Returns(Task.CompletedTask);

        var dto = await ConflictRetry.Send(_handler, _command, _unitOfWork.Object);

        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _deliveries.Verify(d => d.FindAsync(_webhook.Id, stale.Id, It.IsAny<CancellationToken>()), Times.Exactly(2));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(fresh.Id));
            Assert.That(dto.Status, Is.EqualTo("pending"));
            Assert.That(dto.NextAttemptAt, Is.EqualTo(Now));
            Assert.That(fresh.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
        });
    }

    /// <summary>A delivery that used up the default schedule.</summary>
    private static WebhookDelivery Failed(Webhook webhook)
    {
        var delivery = WebhookDelivery.Enqueue(webhook, Guid.NewGuid(), Webhook.BookingConfirmed, "{}", Created);
        var schedule = WebhookRetrySchedule.Default;
        delivery.RecordAttempt(Created, 503, null, TimeSpan.FromMilliseconds(100), schedule);
        delivery.RecordAttempt(Created.AddMinutes(5), 503, null, TimeSpan.FromMilliseconds(100), schedule);
        delivery.RecordAttempt(Created.AddMinutes(65), 503, null, TimeSpan.FromMilliseconds(100), schedule);
        return delivery;
    }
}
