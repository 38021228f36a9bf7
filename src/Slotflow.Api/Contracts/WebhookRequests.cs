using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Wire;
using Slotflow.Application.Webhooks.CreateWebhook;
using Slotflow.Application.Webhooks.ListDeliveries;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/webhooks. Every field is optional here so the validator can name what is missing.</summary>
public sealed record CreateWebhookRequest(string? Url, string[]? Events)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public CreateWebhookCommand ToCommand(Guid organizationId) => new(organizationId, Url ?? string.Empty, Events ?? []);
}

/// <summary>The deliveries of a webhook, or of an organization (admin). Parameters bind as text (422 names a malformed one).</summary>
public sealed record ListDeliveriesRequest : PageRequest
{
    public static readonly IReadOnlyDictionary<string, WebhookDeliveryStatus> Statuses = new Dictionary<string, WebhookDeliveryStatus>
    {
        ["pending"] = WebhookDeliveryStatus.Pending,
        ["delivered"] = WebhookDeliveryStatus.Delivered,
        ["failed"] = WebhookDeliveryStatus.Failed,
    };

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>The query for a request the validator has accepted; without a webhook, every delivery of the organization.</summary>
    public ListWebhookDeliveriesQuery ToQuery(Guid organizationId, Guid? webhookId) =>
        new(organizationId, webhookId, Status is null ? null : Statuses[Status], Paging.Parse(Limit), Paging.Parse(Offset));
}
