namespace Slotflow.Domain.Webhooks;

public interface IWebhookDeliveryRepository
{
    void Add(WebhookDelivery delivery);

    /// <summary>A delivery of the webhook, tracked for changes.</summary>
    Task<WebhookDelivery?> FindAsync(Guid webhookId, Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>A page of deliveries, newest first, and how many match in all.</summary>
    Task<(IReadOnlyList<WebhookDelivery> Page, int Total)> ListAsync(WebhookDeliveryFilter filter, CancellationToken cancellationToken);
}

public sealed record WebhookDeliveryFilter(Guid OrganizationId, Guid? WebhookId, WebhookDeliveryStatus? Status, int Limit, int Offset);
