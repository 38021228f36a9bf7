using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Slotflow.Infrastructure.Webhooks;

/// <summary>
/// Sends due deliveries as a continuous pipeline: up to <see cref="WebhookDeliveryOptions.MaxConcurrentSends"/> in
/// flight, each claimed as a slot frees and recorded on its row when it ends, so no send waits for another's answer;
/// a webhook holds at most <see cref="WebhookDeliveryOptions.MaxConcurrentSendsPerWebhook"/> of them, so a slow or
/// hanging receiver delays only its own deliveries. Every process runs one; claims keep them off each other's rows.
/// On shutdown, claims not yet attempted are given back.
/// </summary>
internal sealed partial class WebhookDeliveryWorker(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    IOptions<WebhookDeliveryOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    private WebhookDeliveryOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.WorkerEnabled)
        {
            return;
        }

        var inFlight = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var free = Options.MaxConcurrentSends - inFlight.Count;
                var claimed = free > 0 ? await ClaimAsync(free, stoppingToken) : [];

                // Not cancelled by the stopping token itself: each delivery must get to release its claim.
                inFlight.AddRange(claimed.Select(delivery => AttemptAsync(delivery, stoppingToken)));
                if (claimed.Count == 0 || inFlight.Count == Options.MaxConcurrentSends)
                {
                    // A send that ends frees a slot and its webhook's share; otherwise look again after the interval.
                    await Task.WhenAny([.. inFlight, Task.Delay(Options.PollInterval, stoppingToken)]);
                }

                inFlight.RemoveAll(task => task.IsCompleted);
            }
        }
        finally
        {
            await Task.WhenAll(inFlight);
        }
    }

    /// <summary>Claims what is due within the free slots; a failed claim (a locked or unreachable database) is none.</summary>
    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int free, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WebhookOutbox>().ClaimDueAsync(
                clock.GetUtcNow(), Options.ClaimLease, free, Options.MaxConcurrentSendsPerWebhook, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return [];
        }
#pragma warning disable CA1031 // The worker outlives any one failed claim.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogClaimFailed(failure);
            return [];
        }
    }

    /// <summary>Never throws: a failure here is one delivery's, and its claim's lease hands it on if nothing was recorded.</summary>
    private async Task AttemptAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
#pragma warning disable CA1031 // Whatever happens to one delivery must not stop the others of its round.
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<WebhookOutbox>();
            AttemptOutcome outcome;
            try
            {
                stoppingToken.ThrowIfCancellationRequested();
                outcome = await sender.SendAsync(delivery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await outbox.ReleaseAsync(delivery, CancellationToken.None);
                return;
            }
            catch (Exception failure)
            {
                // Anything else the send threw is that attempt's error, recorded like a refused connection.
                outcome = new AttemptOutcome(clock.GetUtcNow(), null, failure.Message, TimeSpan.Zero);
            }

            // Not cancellable: an attempt that was made is recorded even while the service stops.
            var recorded = await outbox.RecordAsync(
                delivery, outcome.AttemptedAt, outcome.StatusCode, outcome.Error, outcome.Duration, Options.Schedule(), CancellationToken.None);
            if (!recorded)
            {
                LogClaimLost(delivery.Id);
            }
            else if (outcome.StatusCode is not (>= 200 and <= 299))
            {
                LogAttemptFailed(delivery.Id, delivery.Url, outcome.StatusCode, outcome.Error);
            }
        }
        catch (Exception failure)
        {
            LogDeliveryFailed(failure, delivery.Id);
        }
#pragma warning restore CA1031
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming due webhook deliveries failed; the worker carries on.")]
    private partial void LogClaimFailed(Exception failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} could not be attempted or recorded; its claim's lease hands it on.")]
    private partial void LogDeliveryFailed(Exception failure, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Url} failed: status {StatusCode}, error {Error}")]
    private partial void LogAttemptFailed(Guid deliveryId, string url, int? statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} was no longer held by this worker when its outcome was recorded.")]
    private partial void LogClaimLost(Guid deliveryId);
}
