using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class WebhookRepository(SlotflowDbContext db, WebhookListCache cache, OrganizationVersions versions) : IWebhookRepository
{
    // One statement, so the list is the one the version stands for.
    private static readonly Func<SlotflowDbContext, Guid, CancellationToken, Task<VersionedList?>> ListWithVersionQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, CancellationToken _) =>
            db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
                .Select(o => new VersionedList(
                    o.Version,
                    db.Webhooks.AsNoTracking().Where(w => w.OrganizationId == o.Id).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToList()))
                .FirstOrDefault());

    public async Task<IReadOnlyList<Webhook>> ListAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.Webhooks.AsNoTracking().Where(w => w.OrganizationId == organizationId)
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Webhook>> ListForOutboxAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (versions.Seen(organizationId) is { } seen && cache.Find(organizationId, seen) is { } kept)
        {
            return kept;
        }

        if (await ListWithVersionQuery(db, organizationId, cancellationToken) is not { } read)
        {
            return [];
        }

        cache.Keep(organizationId, read.Version, read.Webhooks);
        return read.Webhooks;
    }

    public Task<Webhook?> FindAsync(Guid organizationId, Guid webhookId, CancellationToken cancellationToken) =>
        db.Webhooks.FirstOrDefaultAsync(w => w.OrganizationId == organizationId && w.Id == webhookId, cancellationToken);

    public Task<int> CountAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Webhooks.CountAsync(w => w.OrganizationId == organizationId, cancellationToken);

    public async Task<IReadOnlyList<string>> ListUrlsAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.Webhooks.Where(w => w.OrganizationId == organizationId).Select(w => w.Url).ToListAsync(cancellationToken);

    public void Add(Webhook webhook) => db.Webhooks.Add(webhook);

    public void Remove(Webhook webhook) => db.Webhooks.Remove(webhook);

    private sealed record VersionedList(int Version, List<Webhook> Webhooks);
}
