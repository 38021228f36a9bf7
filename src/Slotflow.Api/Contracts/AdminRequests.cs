namespace Slotflow.Api.Contracts;

/// <summary>POST /admin/v1/organizations. Every field is optional here so the validator can name what is missing.</summary>
public sealed record AdminCreateOrganizationRequest(string? Name, string? Plan, bool? AutoPurchase);

/// <summary>PATCH /admin/v1/organizations/{id}: a field left out keeps its value.</summary>
public sealed record AdminUpdateOrganizationRequest(string? Plan, bool? AutoPurchase);

/// <summary>POST /admin/v1/organizations/{id}/api-keys.</summary>
public sealed record AdminCreateApiKeyRequest(string? Name);
