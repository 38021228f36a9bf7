using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.ListOrganizations;

/// <summary>GET /admin/v1/organizations: oldest first; a page left out is the default.</summary>
public sealed record ListOrganizationsQuery(int? Limit, int? Offset) : IQuery<OrganizationListDto>;

public sealed class ListOrganizationsQueryHandler(IOrganizationRepository organizations)
    : IQueryHandler<ListOrganizationsQuery, OrganizationListDto>
{
    public const int DefaultLimit = 50;

    public async ValueTask<OrganizationListDto> Handle(ListOrganizationsQuery query, CancellationToken cancellationToken)
    {
        var (limit, offset) = (query.Limit ?? DefaultLimit, query.Offset ?? 0);
        var (page, total) = await organizations.ListAsync(limit, offset, cancellationToken);
        return new OrganizationListDto([.. page.Select(o => o.ToDto())], total, limit, offset);
    }
}
