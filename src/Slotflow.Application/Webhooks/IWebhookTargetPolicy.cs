namespace Slotflow.Application.Webhooks;

/// <summary>Outbound safety at registration: the host is resolved, which is infrastructure's business.</summary>
public interface IWebhookTargetPolicy
{
    /// <summary>Null when the URL may receive deliveries; otherwise why not, for the 422.</summary>
    Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);
}
