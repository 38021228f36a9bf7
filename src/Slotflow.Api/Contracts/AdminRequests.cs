using Slotflow.Api.Wire;
using Slotflow.Application.Organizations;
using Slotflow.Application.Organizations.CreateApiKey;
using Slotflow.Application.Organizations.CreateOrganization;
using Slotflow.Application.Organizations.ListOrganizations;
using Slotflow.Application.Organizations.UpdateOrganization;
using Slotflow.Domain.Organizations;

namespace Slotflow.Api.Contracts;

/// <summary>POST /admin/v1/organizations. Every field is optional here so the validator can name what is missing.</summary>
public sealed record AdminCreateOrganizationRequest(string? Name, string? Plan, bool? AutoPurchase)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public CreateOrganizationCommand ToCommand() => new(Name ?? string.Empty, PlanOf(Plan) ?? default, AutoPurchase ?? false);

    internal static Plan? PlanOf(string? name) => PlanNames.TryParse(name, out var plan) ? plan : null;
}

/// <summary>PATCH /admin/v1/organizations/{id}: a field left out keeps its value.</summary>
public sealed record AdminUpdateOrganizationRequest(string? Plan, bool? AutoPurchase)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public UpdateOrganizationCommand ToCommand(Guid organizationId) =>
        new(organizationId, AdminCreateOrganizationRequest.PlanOf(Plan), AutoPurchase);
}

/// <summary>POST /admin/v1/organizations/{id}/api-keys.</summary>
public sealed record AdminCreateApiKeyRequest(string? Name)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public CreateApiKeyCommand ToCommand(Guid organizationId) => new(organizationId, Name ?? string.Empty);
}

/// <summary>GET /admin/v1/organizations.</summary>
public sealed record ListOrganizationsRequest : PageRequest
{
    /// <summary>The query for a request the validator has accepted.</summary>
    public ListOrganizationsQuery ToQuery() => new(Paging.Parse(Limit), Paging.Parse(Offset));
}
