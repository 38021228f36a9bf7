namespace Slotflow.Domain.Webhooks;

public interface IWebhookRepository
{
    Task<IReadOnlyList<Webhook>> ListAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>
    /// The organization's webhooks, oldest first, for the outbox of a booking change: as of the organization version
    /// this unit of work has read, possibly from a copy kept at that version (no round trip).
    /// </summary>
    Task<IReadOnlyList<Webhook>> ListForOutboxAsync(Guid organizationId, CancellationToken cancellationToken);

    Task<Webhook?> FindAsync(Guid organizationId, Guid webhookId, CancellationToken cancellationToken);

    Task<int> CountAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>The URLs of the organization's webhooks, as stored.</summary>
    Task<IReadOnlyList<string>> ListUrlsAsync(Guid organizationId, CancellationToken cancellationToken);

    void Add(Webhook webhook);

    void Remove(Webhook webhook);
}
