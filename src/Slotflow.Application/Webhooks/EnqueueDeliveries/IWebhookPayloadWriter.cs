namespace Slotflow.Application.Webhooks.EnqueueDeliveries;

/// <summary>Writes a delivery's body in the wire's JSON, which the Api layer owns (the same format as its responses).</summary>
public interface IWebhookPayloadWriter
{
    string Write(WebhookEventPayload payload);
}
