using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Humans;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class HumanRepository(SlotflowDbContext db, ScheduleOverrideCache cache) : IHumanRepository
{
    // Compiled: every booking and every slot query reads a human this way.
    private static readonly Func<SlotflowDbContext, Guid, Guid, CancellationToken, Task<Human?>> FindActiveQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, CancellationToken _) =>
            db.Humans.FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    private static readonly Func<SlotflowDbContext, Guid, Guid, CancellationToken, Task<Human?>> ReadActiveQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, CancellationToken _) =>
            db.Humans.AsNoTracking().FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    public Task<Human?> FindActiveAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken) =>
        FindActiveQuery(db, organizationId, humanId, cancellationToken);

    public Task<Human?> ReadActiveAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken) =>
        ReadActiveQuery(db, organizationId, humanId, cancellationToken);

    public Task<Human?> FindAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken) =>
        db.Humans.FirstOrDefaultAsync(h => h.OrganizationId == organizationId && h.Id == humanId, cancellationToken);

    private static readonly Func<SlotflowDbContext, Guid, Guid, CancellationToken, Task<Human?>> FindActiveWithOverridesQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, CancellationToken _) =>
            db.Humans.Include(h => h.Overrides).FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    private static readonly Func<SlotflowDbContext, Guid, Guid, CancellationToken, Task<Human?>> ReadActiveWithOverridesQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, CancellationToken _) =>
            db.Humans.AsNoTracking().Include(h => h.Overrides).FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    // One round trip: the human row, joined with its overrides only when this process keeps no copy at the version the
    // row shows (-1 when none is kept). The version test names the human by the parameter, not the joined row, so the
    // database evaluates it once (EF Core cannot refer to the parent row in a filtered include).
    // The booking's read: it also locks the human's row until the transaction ends (HumanRowLock).
    private static readonly Func<SlotflowDbContext, Guid, Guid, int, CancellationToken, Task<Human?>> FindActiveCalendarQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, int keptVersion, CancellationToken _) =>
            db.Humans.TagWith(HumanRowLock.Tag)
                .Include(h => h.Overrides.Where(o => db.Humans.Any(x => x.Id == humanId && x.OverridesVersion != keptVersion)))
                .FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    private static readonly Func<SlotflowDbContext, Guid, Guid, int, CancellationToken, Task<Human?>> ReadActiveCalendarQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, int keptVersion, CancellationToken _) =>
            db.Humans.AsNoTracking()
                .Include(h => h.Overrides.Where(o => db.Humans.Any(x => x.Id == humanId && x.OverridesVersion != keptVersion)))
                .FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    public async Task<HumanCalendar?> FindActiveCalendarAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken)
    {
        var kept = cache.Find(humanId);
        var human = await FindActiveCalendarQuery(db, organizationId, humanId, kept?.Version ?? -1, cancellationToken);
        return human is null ? null : Calendar(human, kept);
    }

    public async Task<HumanCalendar?> ReadActiveCalendarAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken)
    {
        var kept = cache.Find(humanId);
        var human = await ReadActiveCalendarQuery(db, organizationId, humanId, kept?.Version ?? -1, cancellationToken);
        return human is null ? null : Calendar(human, kept);
    }

    private HumanCalendar Calendar(Human human, ScheduleOverrideCache.Copy? kept)
    {
        if (kept is not null && kept.Version == human.OverridesVersion)
        {
            return new HumanCalendar(human, kept.Overrides);
        }

        // Read with the row: keep a list of our own, apart from the (possibly tracked) human's collection.
        var read = human.Overrides.ToList();
        cache.Keep(human, read);
        return new HumanCalendar(human, read);
    }

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
