using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Organizations;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class OrganizationRepository(SlotflowDbContext db) : IOrganizationRepository
{
    public Task<Organization?> FindAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);

    public Task<Organization?> FindWithApiKeysAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.Include(o => o.ApiKeys).FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);

    // Compiled: every booking reads its organization's plan this way.
    private static readonly Func<SlotflowDbContext, Guid, CancellationToken, Task<Organization?>> ReadQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, CancellationToken _) =>
            db.Organizations.AsNoTracking().FirstOrDefault(o => o.Id == organizationId));

    public Task<Organization?> ReadAsync(Guid organizationId, CancellationToken cancellationToken) =>
        ReadQuery(db, organizationId, cancellationToken);

    public Task<Organization?> ReadWithApiKeysAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking().Include(o => o.ApiKeys).FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);

    public async Task<(IReadOnlyList<Organization> Page, int Total)> ListAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        var total = await db.Organizations.CountAsync(cancellationToken);
        var page = await db.Organizations.AsNoTracking()
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Skip(offset).Take(limit)
            .ToListAsync(cancellationToken);
        return (page, total);
    }

    public async Task<(int Bookings, int ExtraAllowance)> ReadUsageAsync(Guid organizationId, int month, CancellationToken cancellationToken)
    {
        var rows = await db.MonthlyUsage.AsNoTracking().Where(u => u.OrganizationId == organizationId && u.Month == month)
            .Select(u => new { u.Bookings, u.ExtraAllowance }).ToListAsync(cancellationToken);
        return (rows.Sum(r => r.Bookings), rows.Sum(r => r.ExtraAllowance));
    }

    public async Task<IReadOnlyList<OverageCharge>> ListChargesAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.OverageCharges.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);

    public void Add(Organization organization) => db.Organizations.Add(organization);
}
