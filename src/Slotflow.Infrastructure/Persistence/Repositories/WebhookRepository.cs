using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class WebhookRepository(SlotflowDbContext db) : IWebhookRepository
{
    public async Task<IReadOnlyList<Webhook>> ListAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.Webhooks.AsNoTracking().Where(w => w.OrganizationId == organizationId)
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(cancellationToken);

    public Task<Webhook?> FindAsync(Guid organizationId, Guid webhookId, CancellationToken cancellationToken) =>
        db.Webhooks.FirstOrDefaultAsync(w => w.OrganizationId == organizationId && w.Id == webhookId, cancellationToken);

    public Task<int> CountAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Webhooks.CountAsync(w => w.OrganizationId == organizationId, cancellationToken);

    public async Task<IReadOnlyList<string>> ListUrlsAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.Webhooks.Where(w => w.OrganizationId == organizationId).Select(w => w.Url).ToListAsync(cancellationToken);

    public void Add(Webhook webhook) => db.Webhooks.Add(webhook);

    public void Remove(Webhook webhook) => db.Webhooks.Remove(webhook);
}
