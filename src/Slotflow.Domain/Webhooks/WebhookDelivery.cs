namespace Slotflow.Domain.Webhooks;

/// <summary>
/// The outbox row of one event for one webhook (spec §9): saved with the booking change that caused it, then sent
/// by the delivery worker until a 2xx, with the next attempt's time kept here rather than in memory.
/// </summary>
public sealed class WebhookDelivery
{
    private readonly List<WebhookDeliveryAttempt> _attempts = [];

    private WebhookDelivery(Guid id, Guid webhookId, Guid organizationId, Guid bookingId, string @event, string payload, DateTimeOffset createdAt)
    {
        Id = id;
        WebhookId = webhookId;
        OrganizationId = organizationId;
        BookingId = bookingId;
        Event = @event;
        Payload = payload;
        CreatedAt = createdAt;
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = createdAt;
    }

    /// <summary>Also the receiver's X-Slotflow-Delivery and webhook-id: the same on every attempt.</summary>
    public Guid Id { get; private set; }

    public Guid WebhookId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Guid BookingId { get; private set; }

    public string Event { get; private set; }

    /// <summary>The exact body sent on every attempt.</summary>
    public string Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    /// <summary>When the worker may next send it; null once delivered or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Set by a manual retry of a finished delivery (one more attempt); otherwise the schedule decides.</summary>
    public int? AttemptLimit { get; private set; }

    public int? LastResponseCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Concurrency token: a manual retry and the worker's outcome never overwrite each other.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<WebhookDeliveryAttempt> Attempts => _attempts;

    public int AttemptCount => _attempts.Count;

    public static WebhookDelivery Enqueue(Webhook webhook, Guid bookingId, string eventName, string payload, DateTimeOffset now)
    {
        if (!webhook.Events.Contains(eventName))
        {
            throw new ArgumentException($"The webhook is not subscribed to {eventName}.", nameof(eventName));
        }

        return new WebhookDelivery(Guid.NewGuid(), webhook.Id, webhook.OrganizationId, bookingId, eventName, payload, now.ToUniversalTime());
    }

    /// <summary>Records an attempt and decides what follows: delivered on a 2xx, else the next attempt per the schedule, else failed.</summary>
    public void RecordAttempt(DateTimeOffset attemptedAt, int? statusCode, string? error, TimeSpan duration, WebhookRetrySchedule schedule)
    {
        if (Status != WebhookDeliveryStatus.Pending)
        {
            throw new InvalidOperationException($"Delivery {Id} is {Status}; only a pending delivery is attempted.");
        }

        var attempt = new WebhookDeliveryAttempt(AttemptCount + 1, attemptedAt, statusCode, error, duration);
        _attempts.Add(attempt);
        LastResponseCode = statusCode;
        LastError = attempt.Error;
        Version++;

        if (attempt.Succeeded)
        {
            Status = WebhookDeliveryStatus.Delivered;
            DeliveredAt = attempt.AttemptedAt + duration;
            NextAttemptAt = null;
        }
        else if (AttemptCount >= (AttemptLimit ?? schedule.MaxAttempts))
        {
            Status = WebhookDeliveryStatus.Failed;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = attempt.AttemptedAt + schedule.DelayAfter(attempt.Number);
        }
    }

    /// <summary>
    /// Sends it again now: a pending delivery keeps its schedule but is due at once; a delivered or failed one
    /// gets exactly one more attempt.
    /// </summary>
    public void RequestRetry(DateTimeOffset now)
    {
        if (Status != WebhookDeliveryStatus.Pending)
        {
            Status = WebhookDeliveryStatus.Pending;
            AttemptLimit = AttemptCount + 1;
            DeliveredAt = null;
        }

        NextAttemptAt = now.ToUniversalTime();
        Version++;
    }
}
