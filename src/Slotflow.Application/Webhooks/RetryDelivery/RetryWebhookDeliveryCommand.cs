using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks.RetryDelivery;

/// <summary>POST /v1/webhooks/{id}/deliveries/{delivery_id}/retry: due at once; a finished delivery gets one more attempt.</summary>
public sealed record RetryWebhookDeliveryCommand(Guid OrganizationId, Guid WebhookId, Guid DeliveryId) : ICommand<WebhookDeliveryDto>;

public sealed class RetryWebhookDeliveryCommandHandler(
    IWebhookRepository webhooks,
    IWebhookDeliveryRepository deliveries,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<RetryWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(RetryWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        _ = await webhooks.FindAsync(command.OrganizationId, command.WebhookId, cancellationToken) ?? throw DomainException.NotFound("Webhook");

        // The worker may record an attempt on the same row meanwhile; the delivery's token makes the later save start over.
        // In a transaction that returns the answer, so that an Idempotency-Key's stored answer commits with the retry.
        return await unitOfWork.InTransactionAsync(
            async () =>
            {
                var delivery = await deliveries.FindAsync(command.WebhookId, command.DeliveryId, cancellationToken)
                    ?? throw DomainException.NotFound("Delivery");
                delivery.RequestRetry(clock.GetUtcNow());
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return delivery.ToDto();
            },
            cancellationToken);
    }
}
