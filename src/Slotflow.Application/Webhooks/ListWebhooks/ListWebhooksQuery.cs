using Mediator;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks.ListWebhooks;

public sealed record ListWebhooksQuery(Guid OrganizationId) : IQuery<WebhookListDto>;

public sealed class ListWebhooksQueryHandler(IWebhookRepository webhooks) : IQueryHandler<ListWebhooksQuery, WebhookListDto>
{
    public async ValueTask<WebhookListDto> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var all = await webhooks.ListAsync(query.OrganizationId, cancellationToken);
        return new WebhookListDto([.. all.Select(w => w.ToDto())], all.Count);
    }
}
