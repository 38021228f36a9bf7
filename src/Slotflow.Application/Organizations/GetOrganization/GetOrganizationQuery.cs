using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.GetOrganization;

public sealed record GetOrganizationQuery(Guid OrganizationId) : IQuery<OrganizationDto>;

public sealed class GetOrganizationQueryHandler(IOrganizationRepository organizations) : IQueryHandler<GetOrganizationQuery, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(GetOrganizationQuery query, CancellationToken cancellationToken)
    {
        var organization = await organizations.ReadAsync(query.OrganizationId, cancellationToken)
            ?? throw DomainException.NotFound("Organization");
        return organization.ToDto();
    }
}
