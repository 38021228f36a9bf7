namespace Slotflow.Domain.Webhooks;

/// <summary>How long to wait after each failed attempt before the next; after the last delay's attempt, the delivery fails.</summary>
public sealed class WebhookRetrySchedule
{
    public WebhookRetrySchedule(IReadOnlyList<TimeSpan> delays)
    {
        if (delays.Any(d => d <= TimeSpan.Zero))
        {
            throw new ArgumentException("Retry delays must be positive.", nameof(delays));
        }

        Delays = [.. delays];
    }

    /// <summary>Spec §9: attempt 2 five minutes after attempt 1, attempt 3 sixty minutes after attempt 2.</summary>
    public static WebhookRetrySchedule Default { get; } = new([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(60)]);

    public IReadOnlyList<TimeSpan> Delays { get; }

    public int MaxAttempts => Delays.Count + 1;

    /// <summary>The wait after attempt <paramref name="attemptNumber"/> (1-based) failed.</summary>
    public TimeSpan DelayAfter(int attemptNumber) => Delays[Math.Clamp(attemptNumber - 1, 0, Delays.Count - 1)];
}
