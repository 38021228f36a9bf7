using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks.ListDeliveries;

/// <summary>
/// GET /v1/webhooks/{id}/deliveries: newest first; parameters arrive as sent and are checked by the validator. Without
/// a webhook (GET /admin/v1/organizations/{id}/webhook-deliveries), every delivery of the organization.
/// </summary>
public sealed record ListWebhookDeliveriesQuery(Guid OrganizationId, Guid? WebhookId, WebhookDeliveryStatus? Status, int? Limit, int? Offset)
    : IQuery<WebhookDeliveryListDto>;

public sealed class ListWebhookDeliveriesQueryHandler(
    IWebhookRepository webhooks, IWebhookDeliveryRepository deliveries, IOrganizationRepository organizations)
    : IQueryHandler<ListWebhookDeliveriesQuery, WebhookDeliveryListDto>
{
    public const int DefaultLimit = 50;

    public async ValueTask<WebhookDeliveryListDto> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        if (query.WebhookId is { } webhookId)
        {
            _ = await webhooks.FindAsync(query.OrganizationId, webhookId, cancellationToken) ?? throw DomainException.NotFound("Webhook");
        }
        else
        {
            _ = await organizations.ReadAsync(query.OrganizationId, cancellationToken) ?? throw DomainException.NotFound("Organization");
        }

        var (limit, offset) = (query.Limit ?? DefaultLimit, query.Offset ?? 0);

        var (page, total) = await deliveries.ListAsync(
            new WebhookDeliveryFilter(query.OrganizationId, query.WebhookId, query.Status, limit, offset), cancellationToken);
        return new WebhookDeliveryListDto([.. page.Select(d => d.ToDto())], total, limit, offset);
    }
}
