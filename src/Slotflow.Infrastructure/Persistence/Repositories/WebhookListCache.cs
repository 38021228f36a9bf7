using Microsoft.Extensions.Caching.Memory;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Infrastructure.Persistence.Repositories;

/// <summary>
/// Each organization's webhooks as last read, with the <see cref="Organization.Version"/> read in the same statement.
/// Exact across processes: a copy is used only when the request has just read the same version, and every webhook
/// create and delete bumps it. Webhooks never change once created, so the copies are shared between requests.
/// Bounded by the webhooks held (evicting the least recently used).
/// </summary>
internal sealed class WebhookListCache : IDisposable
{
    public const int MaxWebhooksHeld = 100_000;

    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = MaxWebhooksHeld });

    /// <summary>The copy kept for the organization at <paramref name="version"/>, or null.</summary>
    public IReadOnlyList<Webhook>? Find(Guid organizationId, int version) =>
        _copies.TryGetValue(organizationId, out Copy? copy) && copy!.Version == version ? copy.Webhooks : null;

    public void Keep(Guid organizationId, int version, IReadOnlyList<Webhook> webhooks) =>
        _copies.Set(organizationId, new Copy(version, webhooks), new MemoryCacheEntryOptions { Size = webhooks.Count + 1 });

    public void Dispose() => _copies.Dispose();

    private sealed record Copy(int Version, IReadOnlyList<Webhook> Webhooks);
}
