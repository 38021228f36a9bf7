using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.ListOrganizations;

/// <summary>GET /admin/v1/organizations: oldest first; parameters arrive as sent and are checked by the validator.</summary>
public sealed record ListOrganizationsQuery(string? Limit, string? Offset) : IQuery<OrganizationListDto>;

public sealed class ListOrganizationsQueryHandler(IOrganizationRepository organizations)
    : IQueryHandler<ListOrganizationsQuery, OrganizationListDto>
{
    public const int DefaultLimit = 50;

    public async ValueTask<OrganizationListDto> Handle(ListOrganizationsQuery query, CancellationToken cancellationToken)
    {
        var (limit, offset) = Paging.Parse(query.Limit, query.Offset, DefaultLimit);
        var (page, total) = await organizations.ListAsync(limit, offset, cancellationToken);
        return new OrganizationListDto([.. page.Select(o => o.ToDto())], total, limit, offset);
    }
}
