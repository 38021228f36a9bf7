using System.Text.Json;
using Slotflow.Application.Webhooks.EnqueueDeliveries;

namespace Slotflow.Api.Wire;

/// <summary>Webhook bodies in the same JSON as responses (spec §9).</summary>
public sealed class WireJsonWebhookPayloads : IWebhookPayloadWriter
{
    public string Write(WebhookEventPayload payload) => JsonSerializer.Serialize(payload, SlotflowJson.Options);
}
