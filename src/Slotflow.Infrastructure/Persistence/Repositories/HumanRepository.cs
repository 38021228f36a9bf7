using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Holds;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class HumanRepository(
    SlotflowDbContext db, ScheduleOverrideCache cache, HumanCalendarCache calendars, OrganizationVersions versions) : IHumanRepository
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

    public Task<List<Human>> ReadActiveAsync(Guid organizationId, IReadOnlyCollection<Guid> humanIds, CancellationToken cancellationToken) =>
        Active(organizationId).AsNoTracking().Where(h => humanIds.Contains(h.Id)).ToListAsync(cancellationToken);

    public Task<Human?> FindAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken) =>
        db.Humans.FirstOrDefaultAsync(h => h.OrganizationId == organizationId && h.Id == humanId, cancellationToken);

    private static readonly Func<SlotflowDbContext, Guid, Guid, CancellationToken, Task<Human?>> FindActiveWithOverridesQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, CancellationToken _) =>
            db.Humans.Include(h => h.Overrides).FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    private static readonly Func<SlotflowDbContext, Guid, Guid, CancellationToken, Task<Human?>> ReadActiveWithOverridesQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, CancellationToken _) =>
            db.Humans.AsNoTracking().Include(h => h.Overrides).FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    // The booking's one read: the human row, locked until the transaction ends (HumanRowLock), joined with its
    // overrides only when this process keeps no copy at the version the row shows (-1 when none is kept), with the
    // confirmed bookings it needs, and with the human's and the organization's versions as the statement's snapshot
    // shows them. The bookings (ScheduleSpan): those whose blocked window may meet the near span or, for a human with
    // daily or weekly limits, every one of the wide span; the bounds are on StartsAt so the index seeks to them, and
    // the human's limits pick the pair (read by the parameter, not the joined row, for the reason the overrides are). The override test names the human by the parameter, not the joined row, so the database
    // evaluates it once (EF Core cannot refer to the parent row in a filtered include).
    private static readonly Func<SlotflowDbContext, Guid, Guid, int, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, CancellationToken, Task<LockedRow?>> LockScheduleQuery =
        CompileLockSchedule("first look");

    /// <summary>Tags the second run of the booking's read, after a wait for the lock (see <see cref="LockScheduleAsync"/>).</summary>
    public const string RereadTag = "again: the row changed while this waited for its lock";

    private static readonly Func<SlotflowDbContext, Guid, Guid, int, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, CancellationToken, Task<LockedRow?>> RelockScheduleQuery =
        CompileLockSchedule(RereadTag);

    private static Func<SlotflowDbContext, Guid, Guid, int, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, CancellationToken, Task<LockedRow?>> CompileLockSchedule(string secondTag) =>
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, int keptVersion, DateTimeOffset nearFrom, DateTimeOffset nearStartsFrom, DateTimeOffset nearStartsUntil, DateTimeOffset wideFrom, DateTimeOffset wideUntil, CancellationToken _) =>
            db.Humans.TagWith(HumanRowLock.Tag).TagWith(secondTag)
                .Where(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId)
                .Select(h => new LockedRow(
                    h,
                    h.Overrides.Where(o => db.Humans.Any(x => x.Id == humanId && x.OverridesVersion != keptVersion)).ToList(),
                    db.Bookings
                        .Where(b => b.HumanId == h.Id && b.Status == BookingStatus.Confirmed
                            && b.StartsAt > (!db.Humans.Any(x => x.Id == humanId && (x.WorkingHours!.DailyBookingLimit != null || x.WorkingHours.WeeklyBookingLimit != null)) ? nearStartsFrom : wideFrom)
                            && b.StartsAt < (!db.Humans.Any(x => x.Id == humanId && (x.WorkingHours!.DailyBookingLimit != null || x.WorkingHours.WeeklyBookingLimit != null)) ? nearStartsUntil : wideUntil)
                            && (b.BlockedUntil > nearFrom || db.Humans.Any(x => x.Id == humanId && (x.WorkingHours!.DailyBookingLimit != null || x.WorkingHours.WeeklyBookingLimit != null))))
                        .Select(b => new TakenTime(b.StartsAt, b.EndsAt, b.BlockedFrom, b.BlockedUntil))
                        .ToList(),
                    db.Humans.Where(x => x.Id == humanId).Select(x => x.Version).FirstOrDefault(),
                    db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Version).FirstOrDefault()))
                .FirstOrDefault());

    private static readonly Func<SlotflowDbContext, Guid, Guid, int, CancellationToken, Task<Human?>> ReadActiveCalendarQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, int keptVersion, CancellationToken _) =>
            db.Humans.AsNoTracking()
                .Include(h => h.Overrides.Where(o => db.Humans.Any(x => x.Id == humanId && x.OverridesVersion != keptVersion)))
                .FirstOrDefault(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId));

    /// <remarks>
    /// A booking that waited for the lock reads the locked row as the holder left it, but the rest of the statement
    /// (the bookings, the override test) as it was when the statement began, before the holder committed. Every change
    /// to the human's bookings or overrides bumps its version, so a version that moved while the statement waited is
    /// seen here, and the statement runs once more, now holding the lock and without waiting.
    /// </remarks>
    public async Task<HumanSchedule?> LockScheduleAsync(Guid organizationId, Guid humanId, ScheduleSpan span, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kept = cache.Find(humanId);
        var row = await LockScheduleQuery(db, organizationId, humanId, kept?.Version ?? -1, span.Near.Start, span.NearStarts.Start, span.NearStarts.End, span.Wide.Start, span.Wide.End, cancellationToken);
        if (row is not null && row.Human.Version != row.VersionBeforeWait)
        {
            kept = cache.Find(humanId);
            row = await RelockScheduleQuery(db, organizationId, humanId, kept?.Version ?? -1, span.Near.Start, span.NearStarts.Start, span.NearStarts.End, span.Wide.Start, span.Wide.End, cancellationToken);
        }

        if (row is null)
        {
            return null;
        }

        versions.Saw(organizationId, row.OrganizationVersion);
        var taken = await WithHoldsAsync(row.Taken, humanId, row.Human.HoldsUntil, span, now, cancellationToken);
        return new HumanSchedule(Calendar(row.Human, row.Overrides, kept), taken);
    }

    // A slot query's first read: the human's version, to tell whether a kept calendar is current, and its confirmed
    // bookings in the span, in one statement.
    private static readonly Func<SlotflowDbContext, Guid, Guid, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, CancellationToken, Task<VersionedTaken?>> VersionAndTakenQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid humanId, DateTimeOffset nearFrom, DateTimeOffset nearStartsFrom, DateTimeOffset nearStartsUntil, DateTimeOffset wideFrom, DateTimeOffset wideUntil, CancellationToken _) =>
            db.Humans.AsNoTracking()
                .Where(h => h.OrganizationId == organizationId && h.Active && h.Id == humanId)
                .Select(h => new VersionedTaken(
                    h.Version,
                    h.HoldsUntil,
                    db.Bookings
                        .Where(b => b.HumanId == h.Id && b.Status == BookingStatus.Confirmed
                            && b.StartsAt > (!db.Humans.Any(x => x.Id == humanId && (x.WorkingHours!.DailyBookingLimit != null || x.WorkingHours.WeeklyBookingLimit != null)) ? nearStartsFrom : wideFrom)
                            && b.StartsAt < (!db.Humans.Any(x => x.Id == humanId && (x.WorkingHours!.DailyBookingLimit != null || x.WorkingHours.WeeklyBookingLimit != null)) ? nearStartsUntil : wideUntil)
                            && (b.BlockedUntil > nearFrom || db.Humans.Any(x => x.Id == humanId && (x.WorkingHours!.DailyBookingLimit != null || x.WorkingHours.WeeklyBookingLimit != null))))
                        .Select(b => new TakenTime(b.StartsAt, b.EndsAt, b.BlockedFrom, b.BlockedUntil))
                        .ToList()))
                .FirstOrDefault());

    /// <remarks>One round trip while the human is unchanged since this process last read it, else two.</remarks>
    public async Task<HumanSchedule?> ReadScheduleAsync(Guid organizationId, Guid humanId, ScheduleSpan span, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await VersionAndTakenQuery(db, organizationId, humanId, span.Near.Start, span.NearStarts.Start, span.NearStarts.End, span.Wide.Start, span.Wide.End, cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (await CalendarAsync(organizationId, humanId, row.Version, cancellationToken) is not { } calendar)
        {
            return null; // deactivated since the first read
        }

        return new HumanSchedule(calendar, await WithHoldsAsync(row.Taken, humanId, row.HoldsUntil, span, now, cancellationToken));
    }

    public async Task<List<HumanSchedule>?> ReadSchedulesAsync(
        Guid organizationId, IReadOnlyList<Guid> humanIds, ScheduleSpan span, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = humanIds as Guid[] ?? [.. humanIds];
        var rows = await PoolRowsQuery(db, organizationId, ids).ToListAsync(cancellationToken);
        if (rows.Count < ids.Length)
        {
            return null;
        }

        // The bookings a slot query of each needs, as ReadScheduleAsync reads them: the near span's, or the wide
        // span's for a human with daily or weekly limits.
        Guid[] limited = [.. rows.Where(r => r.HasLimits).Select(r => r.Id)];
        var bookings = await PoolTakenQuery(db, ids, limited, span.Near.Start, span.NearStarts.Start, span.NearStarts.End, span.Wide.Start, span.Wide.End)
            .ToListAsync(cancellationToken);
        var takenBy = bookings.ToLookup(b => b.HumanId, b => b.Taken);

        var schedules = new List<HumanSchedule>(humanIds.Count);
        foreach (var humanId in humanIds)
        {
            var row = rows.Find(r => r.Id == humanId)!;
            if (await CalendarAsync(organizationId, humanId, row.Version, cancellationToken) is not { } calendar)
            {
                return null; // deactivated since the first read
            }

            schedules.Add(new HumanSchedule(calendar, await WithHoldsAsync([.. takenBy[humanId]], humanId, row.HoldsUntil, span, now, cancellationToken)));
        }

        return schedules;
    }

    private sealed record PooledRow(Guid Id, int Version, DateTimeOffset? HoldsUntil, bool HasLimits);

    private sealed record PooledTaken(Guid HumanId, TakenTime Taken);

    private static readonly Func<SlotflowDbContext, Guid, Guid[], IAsyncEnumerable<PooledRow>> PoolRowsQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid organizationId, Guid[] ids) =>
            db.Humans.AsNoTracking()
                .Where(h => h.OrganizationId == organizationId && h.Active && ids.Contains(h.Id))
                .Select(h => new PooledRow(h.Id, h.Version, h.HoldsUntil, h.WorkingHours!.DailyBookingLimit != null || h.WorkingHours.WeeklyBookingLimit != null)));

    private static readonly Func<SlotflowDbContext, Guid[], Guid[], DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<PooledTaken>> PoolTakenQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid[] ids, Guid[] limited, DateTimeOffset nearFrom, DateTimeOffset nearStartsFrom, DateTimeOffset nearStartsUntil, DateTimeOffset wideFrom, DateTimeOffset wideUntil) =>
            db.Bookings.AsNoTracking()
                .Where(b => ids.Contains(b.HumanId) && b.Status == BookingStatus.Confirmed
                    && (limited.Contains(b.HumanId)
                        ? b.StartsAt > wideFrom && b.StartsAt < wideUntil
                        : b.StartsAt > nearStartsFrom && b.StartsAt < nearStartsUntil && b.BlockedUntil > nearFrom))
                .Select(b => new PooledTaken(b.HumanId, new TakenTime(b.StartsAt, b.EndsAt, b.BlockedFrom, b.BlockedUntil))));

    // The blocked windows of a human's confirmed bookings near a span, as a top-level projection: no entity, no key
    // and no nested collection to shape per row, and (with the index that carries them) no visit to the rows.
    private static readonly Func<SlotflowDbContext, Guid, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<TimeRange>> BlockedWindowsQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid humanId, DateTimeOffset nearFrom, DateTimeOffset nearStartsFrom, DateTimeOffset nearStartsUntil, DateTimeOffset except) =>
            db.Bookings
                .Where(b => b.HumanId == humanId && b.Status == BookingStatus.Confirmed
                    && b.StartsAt > nearStartsFrom && b.StartsAt < nearStartsUntil && b.BlockedUntil > nearFrom && b.StartsAt != except)
                .Select(b => new TimeRange(b.BlockedFrom, b.BlockedUntil)));

    public async Task<List<TakenTime>> ReadTakenRunsAsync(Human human, ScheduleSpan span, DateTimeOffset now, TakenTime? except, CancellationToken cancellationToken)
    {
        var left = except?.Interval.Start ?? span.NearStarts.Start; // the bound is strict, so the default leaves nothing out
        var windows = await BlockedWindowsQuery(db, human.Id, span.Near.Start, span.NearStarts.Start, span.NearStarts.End, left)
            .ToListAsync(cancellationToken);
        var runs = Availability.Merge(windows).Select(TakenTime.Unbuffered).ToList();
        return await WithHoldsAsync(runs, human.Id, human.HoldsUntil, span, now, cancellationToken);
    }

    /// <summary>The human's calendar kept at <paramref name="version"/>, else read (overrides only when their copy is stale) and kept; null if it is no longer active.</summary>
    private async Task<HumanCalendar?> CalendarAsync(Guid organizationId, Guid humanId, int version, CancellationToken cancellationToken)
    {
        if (calendars.Find(humanId, version) is { } calendar)
        {
            return calendar;
        }

        var kept = cache.Find(humanId);
        if (await ReadActiveCalendarQuery(db, organizationId, humanId, kept?.Version ?? -1, cancellationToken) is not { } human)
        {
            return null;
        }

        calendar = Calendar(human, human.Overrides.ToList(), kept);
        calendars.Keep(calendar);
        return calendar;
    }

    /// <param name="read">The overrides read with the row (none when a kept copy was current): a list of its own.</param>
    private HumanCalendar Calendar(Human human, List<ScheduleOverride> read, ScheduleOverrideCache.Copy? kept)
    {
        if (kept is not null && kept.Version == human.OverridesVersion)
        {
            return new HumanCalendar(human, kept.Overrides);
        }

        cache.Keep(human, read);
        return new HumanCalendar(human, read);
    }

    private sealed record VersionedTaken(int Version, DateTimeOffset? HoldsUntil, List<TakenTime> Taken);

    private sealed record LockedRow(Human Human, List<ScheduleOverride> Overrides, List<TakenTime> Taken, int VersionBeforeWait, int OrganizationVersion);

    // The holds of a human that may have unexpired ones (HoldsUntil after now), near the span: a statement of its own,
    // so that the bookings' read keeps its one collection (a second one would make every read sort its booking rows).
    private static readonly Func<SlotflowDbContext, Guid, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<TakenTime>> HoldsQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, Guid humanId, DateTimeOffset now, DateTimeOffset nearFrom, DateTimeOffset nearStartsFrom, DateTimeOffset nearStartsUntil) =>
            db.Holds
                .Where(x => x.HumanId == humanId && x.Status == HoldStatus.Held && x.ExpiresAt > now
                    && x.StartsAt > nearStartsFrom && x.StartsAt < nearStartsUntil && x.BlockedUntil > nearFrom)
                .Select(x => new TakenTime(x.StartsAt, x.EndsAt, x.BlockedFrom, x.BlockedUntil, true)));

    /// <summary>The bookings read, with the human's unexpired holds near the span when it may have any (one more round trip then).</summary>
    private async Task<List<TakenTime>> WithHoldsAsync(
        List<TakenTime> bookings, Guid humanId, DateTimeOffset? holdsUntil, ScheduleSpan span, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (holdsUntil > now)
        {
            await foreach (var hold in HoldsQuery(db, humanId, now, span.Near.Start, span.NearStarts.Start, span.NearStarts.End).WithCancellation(cancellationToken))
            {
                bookings.Add(hold);
            }
        }

        return bookings;
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
