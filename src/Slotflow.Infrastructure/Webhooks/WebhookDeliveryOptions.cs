using Slotflow.Domain.Webhooks;

namespace Slotflow.Infrastructure.Webhooks;

/// <summary>Configuration section "Webhooks": the retry schedule, per-attempt timeout, worker pacing and outbound safety.</summary>
public sealed class WebhookDeliveryOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Waits between attempts; empty means the spec's schedule (5 minutes, then 60 minutes).</summary>
    public TimeSpan[] RetryDelays { get; set; } = [];

    /// <summary>A receiver that has not answered by then has failed the attempt (spec §9: a 2xx within 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an idle worker looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim keeps other workers off a delivery; a worker that dies mid-attempt loses it after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Deliveries in flight at once in this process: a row is claimed only when a slot is free, so it is sent straight away, well within its lease.</summary>
    public int MaxConcurrentSends { get; set; } = 32;

    /// <summary>
    /// Deliveries of one webhook in flight at once: a slow or hanging receiver holds at most this share, so the others'
    /// deliveries go out beside it. Claims of every process count; two processes claiming in the same instant may
    /// each take the share.
    /// </summary>
    public int MaxConcurrentSendsPerWebhook { get; set; } = 4;

    /// <summary>Off by default: loopback, private, link-local and metadata targets are refused. Development turns it on.</summary>
    public bool AllowPrivateTargets { get; set; }

    public bool WorkerEnabled { get; set; } = true;

    public WebhookRetrySchedule Schedule() => RetryDelays.Length == 0 ? WebhookRetrySchedule.Default : new WebhookRetrySchedule(RetryDelays);

    public bool IsValid() =>
        RetryDelays.All(d => d > TimeSpan.Zero)
        && AttemptTimeout > TimeSpan.Zero
        && PollInterval > TimeSpan.Zero
        && ClaimLease >= 2 * AttemptTimeout
        && MaxConcurrentSends > 0
        && MaxConcurrentSendsPerWebhook > 0;
}
