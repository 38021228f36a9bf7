namespace Slotflow.Domain.Webhooks;

public interface IWebhookRepository
{
    Task<IReadOnlyList<Webhook>> ListAsync(Guid organizationId, CancellationToken cancellationToken);

    Task<Webhook?> FindAsync(Guid organizationId, Guid webhookId, CancellationToken cancellationToken);

    Task<int> CountAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>The URLs of the organization's webhooks, as stored.</summary>
    Task<IReadOnlyList<string>> ListUrlsAsync(Guid organizationId, CancellationToken cancellationToken);

    void Add(Webhook webhook);

    void Remove(Webhook webhook);
}
