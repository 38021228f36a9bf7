using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class WebhookDeliveryRepository(SlotflowDbContext db) : IWebhookDeliveryRepository
{
    public void Add(WebhookDelivery delivery) => db.WebhookDeliveries.Add(delivery);

    public Task<WebhookDelivery?> FindAsync(Guid webhookId, Guid deliveryId, CancellationToken cancellationToken) =>
        db.WebhookDeliveries.FirstOrDefaultAsync(d => d.WebhookId == webhookId && d.Id == deliveryId, cancellationToken);

    public async Task<(IReadOnlyList<WebhookDelivery> Page, int Total)> ListAsync(WebhookDeliveryFilter filter, CancellationToken cancellationToken)
    {
        var matching = db.WebhookDeliveries.AsNoTracking().Where(d => d.OrganizationId == filter.OrganizationId);
        if (filter.WebhookId is { } webhookId)
        {
            matching = matching.Where(d => d.WebhookId == webhookId);
        }

        if (filter.Status is { } status)
        {
            matching = matching.Where(d => d.Status == status);
        }

        var total = await matching.CountAsync(cancellationToken);
        var page = await matching.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip(filter.Offset).Take(filter.Limit).ToListAsync(cancellationToken);
        return (page, total);
    }
}
