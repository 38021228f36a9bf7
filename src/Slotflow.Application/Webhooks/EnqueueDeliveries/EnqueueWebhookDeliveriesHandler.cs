using System.Text.Json.Serialization;
using Mediator;
using Slotflow.Application.Bookings;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Webhooks.EnqueueDeliveries;

/// <summary>
/// The transactional outbox: runs while the booking change is being saved, so each subscribed webhook's delivery
/// row commits with it or not at all. Nothing is sent here; the delivery worker does that after the commit.
/// </summary>
public sealed class EnqueueWebhookDeliveriesHandler(
    IWebhookRepository webhooks, IWebhookDeliveryRepository deliveries, IWebhookPayloadWriter payloads)
    : INotificationHandler<BookingConfirmed>, INotificationHandler<BookingCancelled>, INotificationHandler<BookingRescheduled>
{
    public async ValueTask Handle(BookingConfirmed notification, CancellationToken cancellationToken) =>
        await EnqueueAsync(Webhook.BookingConfirmed, notification.Booking, notification.Booking.CreatedAt, cancellationToken);

    public async ValueTask Handle(BookingCancelled notification, CancellationToken cancellationToken) =>
        await EnqueueAsync(Webhook.BookingCancelled, notification.Booking, notification.CancelledAt, cancellationToken);

    public async ValueTask Handle(BookingRescheduled notification, CancellationToken cancellationToken) =>
        await EnqueueAsync(
            Webhook.BookingRescheduled, notification.Booking, notification.RescheduledAt, cancellationToken,
            new PreviousInterval(notification.Previous.Start, notification.Previous.End));

    private async Task EnqueueAsync(
        string eventName, Booking booking, DateTimeOffset occurredAt, CancellationToken cancellationToken, PreviousInterval? previous = null)
    {
        var subscribed = (await webhooks.ListForOutboxAsync(booking.OrganizationId, cancellationToken)).Where(w => w.Events.Contains(eventName)).ToList();
        if (subscribed.Count == 0)
        {
            return;
        }

        var payload = payloads.Write(new WebhookEventPayload(eventName, occurredAt, booking.ToDto(), previous));
        foreach (var webhook in subscribed)
        {
            deliveries.Add(WebhookDelivery.Enqueue(webhook, booking.Id, eventName, payload, occurredAt));
        }
    }
}

/// <summary>
/// The delivery body (spec §9): the event, when it happened, and the complete booking with its metadata; a
/// booking.rescheduled body also has the interval the booking had before (spec §11.2), and the other bodies have no such field.
/// </summary>
public sealed record WebhookEventPayload(
    string Event,
    DateTimeOffset CreatedAt,
    BookingDto Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PreviousInterval? Previous = null);

public sealed record PreviousInterval(DateTimeOffset StartsAt, DateTimeOffset EndsAt);
