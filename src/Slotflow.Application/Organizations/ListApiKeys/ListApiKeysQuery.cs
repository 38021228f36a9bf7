using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.ListApiKeys;

/// <summary>GET /admin/v1/organizations/{id}/api-keys: every key, revoked ones included, oldest first.</summary>
public sealed record ListApiKeysQuery(Guid OrganizationId) : IQuery<ApiKeyListDto>;

public sealed class ListApiKeysQueryHandler(IOrganizationRepository organizations) : IQueryHandler<ListApiKeysQuery, ApiKeyListDto>
{
    public async ValueTask<ApiKeyListDto> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var organization = await organizations.ReadWithApiKeysAsync(query.OrganizationId, cancellationToken)
            ?? throw DomainException.NotFound("Organization");
        var keys = organization.ApiKeys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).Select(k => k.ToDto()).ToList();
        return new ApiKeyListDto(keys, keys.Count);
    }
}
