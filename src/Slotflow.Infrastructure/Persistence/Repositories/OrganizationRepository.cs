using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Organizations;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class OrganizationRepository(SlotflowDbContext db) : IOrganizationRepository
{
    public Task<Organization?> FindAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);

    public Task<Organization?> ReadAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);

    public void Add(Organization organization) => db.Organizations.Add(organization);
}
