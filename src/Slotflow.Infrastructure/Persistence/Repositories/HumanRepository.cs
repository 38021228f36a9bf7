using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Humans;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class HumanRepository(SlotflowDbContext db) : IHumanRepository
{
    public Task<Human?> FindActiveAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken) =>
        Active(organizationId).FirstOrDefaultAsync(h => h.Id == humanId, cancellationToken);

    public Task<Human?> ReadActiveAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken) =>
        Active(organizationId).AsNoTracking().FirstOrDefaultAsync(h => h.Id == humanId, cancellationToken);

    public Task<Human?> FindAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken) =>
        db.Humans.FirstOrDefaultAsync(h => h.OrganizationId == organizationId && h.Id == humanId, cancellationToken);

    // Compiled: every booking and every slot query reads a human this way.
    private static readonly Func<SlotflowDbContext, Guid, Guid, CancellationToken, Task<Human?>> FindActiveWithOverridesQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, CancellationToken _) =>
            db.Humans.Include(h => h.Overrides).FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    private static readonly Func<SlotflowDbContext, Guid, Guid, CancellationToken, Task<Human?>> ReadActiveWithOverridesQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, CancellationToken _) =>
            db.Humans.AsNoTracking().Include(h => h.Overrides).FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    // The overrides whose span meets first..last, by ScheduleOverride.MayOccurBetween's rule: a human near the cap has
    // years of history, and a booking or a month of slots needs only what can occur on its dates.
    private static readonly Func<SlotflowDbContext, Guid, Guid, DateOnly, DateOnly, CancellationToken, Task<Human?>> FindActiveWithOverridesBetweenQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, DateOnly first, DateOnly last, CancellationToken _) =>
            db.Humans
                .Include(h => h.Overrides.Where(o => o.StartDate <= last && (o.EndDate != null ? o.EndDate >= first : o.Recurrence != null || o.StartDate >= first)))
                .FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    private static readonly Func<SlotflowDbContext, Guid, Guid, DateOnly, DateOnly, CancellationToken, Task<Human?>> ReadActiveWithOverridesBetweenQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, DateOnly first, DateOnly last, CancellationToken _) =>
            db.Humans.AsNoTracking()
                .Include(h => h.Overrides.Where(o => o.StartDate <= last && (o.EndDate != null ? o.EndDate >= first : o.Recurrence != null || o.StartDate >= first)))
                .FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    public Task<Human?> FindActiveWithOverridesBetweenAsync(Guid organizationId, Guid humanId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        FindActiveWithOverridesBetweenQuery(db, organizationId, humanId, first, last, cancellationToken);

    public Task<Human?> ReadActiveWithOverridesBetweenAsync(Guid organizationId, Guid humanId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        ReadActiveWithOverridesBetweenQuery(db, organizationId, humanId, first, last, cancellationToken);

    public Task<Human?> FindActiveWithOverridesAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken) =>
        FindActiveWithOverridesQuery(db, organizationId, humanId, cancellationToken);

    public Task<Human?> ReadActiveWithOverridesAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken) =>
        ReadActiveWithOverridesQuery(db, organizationId, humanId, cancellationToken);

    public Task<int> CountOverridesAsync(Guid humanId, CancellationToken cancellationToken) =>
        db.Set<ScheduleOverride>().CountAsync(o => o.HumanId == humanId, cancellationToken);

    public async Task<IReadOnlyList<Human>> ListActiveAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await Active(organizationId).AsNoTracking().OrderBy(h => h.CreatedAt).ThenBy(h => h.Id).ToListAsync(cancellationToken);

    public Task<int> CountActiveAsync(Guid organizationId, CancellationToken cancellationToken) =>
        Active(organizationId).CountAsync(cancellationToken);

    public void Add(Human human) => db.Humans.Add(human);

    private IQueryable<Human> Active(Guid organizationId) =>
        db.Humans.Where(h => h.OrganizationId == organizationId && h.Active);
}
