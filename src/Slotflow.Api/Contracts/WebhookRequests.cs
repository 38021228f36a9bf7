namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/webhooks. Every field is optional here so the validator can name what is missing.</summary>
public sealed record CreateWebhookRequest(string? Url, string[]? Events);
