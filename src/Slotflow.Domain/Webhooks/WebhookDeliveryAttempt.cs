namespace Slotflow.Domain.Webhooks;

/// <summary>One POST to the receiver: when, how long, and what came back (a status code, or an error if none did).</summary>
public sealed class WebhookDeliveryAttempt
{
    public const int MaxErrorLength = 500;

    /// <summary>For EF Core, which sets the stored values.</summary>
    private WebhookDeliveryAttempt()
    {
    }

    internal WebhookDeliveryAttempt(int number, DateTimeOffset attemptedAt, int? statusCode, string? error, TimeSpan duration)
    {
        Number = number;
        AttemptedAt = attemptedAt.ToUniversalTime();
        StatusCode = statusCode;
        Error = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
        DurationMs = (int)Math.Clamp(Math.Round(duration.TotalMilliseconds), 0, int.MaxValue);
    }

    public int Number { get; private set; }

    public DateTimeOffset AttemptedAt { get; private set; }

    public int? StatusCode { get; private set; }

    public string? Error { get; private set; }

    public int DurationMs { get; private set; }

    public bool Succeeded => StatusCode is >= 200 and <= 299;
}
