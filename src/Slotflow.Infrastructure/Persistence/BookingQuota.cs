using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// Counts bookings in the caller's transaction over the month's <see cref="MonthlyUsage.Shards"/> rows. Usually one
/// conditional UPDATE on a row picked at random counts the booking within that row's allowance, so concurrent
/// bookings of one organization rarely meet on a row, and the database still decides, row by row, so none can pass
/// the limit; a full row hands the booking to the row with the most room. When every row is full (or the month is
/// new, or the organization changed), every row of the month is
/// created if missing, locked by one request at a time (a gate), and recounted by <see cref="MonthlyUsage.CountOne"/>: only a request
/// that holds the whole month buys a pack, so racing requests never buy two where one was needed.
/// </summary>
internal sealed class BookingQuota(SlotflowDbContext db) : IBookingQuota
{
    public async Task ConsumeAsync(Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var month = OverageCharge.MonthKey(now);
        var counted = db.Provider == DatabaseProvider.Postgres
            ? await CountInFreeRowAsync(organizationId, month, Random.Shared.Next(MonthlyUsage.Shards), cancellationToken) == 1
            : await CountInRowAsync(organizationId, month, Random.Shared.Next(MonthlyUsage.Shards), cancellationToken) == 1
                || await CountInRoomiestRowAsync(organizationId, month, cancellationToken) == 1;
        if (counted)
        {
            return;
        }

        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
            ?? throw DomainException.NotFound("Organization");
        await LockGateAsync(organizationId, month, cancellationToken);
        await CreateMissingRowsAsync(organizationId, month, cancellationToken);

        // A recount that finished while this one waited at the gate may have made room (a pack it bought).
        if (await CountInRoomiestRowAsync(organizationId, month, cancellationToken) == 1)
        {
            return;
        }

        var rows = await LockMonthAsync(organizationId, month, cancellationToken);
        if (MonthlyUsage.CountOne(rows, organization))
        {
            db.OverageCharges.Add(OverageCharge.ForPack(organizationId, now));
        }
    }

    /// <summary>One statement: counts the booking in the row if it has room and the organization is as it was when the room was spread.</summary>
    private Task<int> CountInRowAsync(Guid organizationId, int month, int shard, CancellationToken cancellationToken) =>
        Counting(organizationId, month).Where(u => u.Shard == shard)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Bookings, u => u.Bookings + 1), cancellationToken);

    /// <summary>
    /// One statement: counts the booking in the row with the most room, so a month runs out evenly and is recounted
    /// only when every row is full. The row is re-checked when locked, so a race for its last place can only miss.
    /// </summary>
    private Task<int> CountInRoomiestRowAsync(Guid organizationId, int month, CancellationToken cancellationToken) =>
        Counting(organizationId, month)
            .Where(u => u.Shard == db.MonthlyUsage
                .Where(r => r.OrganizationId == organizationId && r.Month == month && r.Bookings < r.Allowance)
                .OrderByDescending(r => r.Allowance - r.Bookings)
                .Select(r => r.Shard)
                .FirstOrDefault())
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Bookings, u => u.Bookings + 1), cancellationToken);

    /// <summary>
    /// PostgreSQL, one statement: counts the booking in the picked row if it has room, else in the row with the most
    /// room, skipping rows another booking holds. It never waits on a row, so it never keeps one it did not count in:
    /// an UPDATE that waits and then finds the row full keeps it locked to the end of the transaction, and a request
    /// that then waits at the recount's gate holding a row deadlocks with the recount.
    /// </summary>
    private Task<int> CountInFreeRowAsync(Guid organizationId, int month, int shard, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            UPDATE monthly_usage SET "Bookings" = "Bookings" + 1
            WHERE "OrganizationId" = {organizationId} AND "Month" = {month} AND "Shard" = (
                SELECT u."Shard" FROM monthly_usage AS u
                WHERE u."OrganizationId" = {organizationId} AND u."Month" = {month} AND u."Bookings" < u."Allowance"
                  AND u."OrganizationVersion" = (SELECT o."Version" FROM organizations AS o WHERE o."Id" = {organizationId})
                ORDER BY u."Shard" = {shard} DESC, u."Allowance" - u."Bookings" DESC
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            """,
            cancellationToken);

    private IQueryable<MonthlyUsage> Counting(Guid organizationId, int month) =>
        db.MonthlyUsage.Where(u => u.OrganizationId == organizationId && u.Month == month && u.Bookings < u.Allowance
            && u.OrganizationVersion == db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Version).FirstOrDefault());

    /// <summary>One statement: the month's rows that do not exist yet, each empty and with no allowance until the recount spreads it.</summary>
    private Task<int> CreateMissingRowsAsync(Guid organizationId, int month, CancellationToken cancellationToken)
    {
        var shards = Enumerable.Range(0, MonthlyUsage.Shards).Select(s => s.ToString(CultureInfo.InvariantCulture)).ToList();
        var sql = db.Provider == DatabaseProvider.SqlServer
            ? $$"""
              INSERT INTO monthly_usage (OrganizationId, Month, Shard, Bookings, ExtraAllowance, Allowance, OrganizationVersion)
              SELECT {0}, {1}, s.Shard, 0, 0, 0, 0 FROM (VALUES ({{string.Join("), (", shards)}})) AS s(Shard)
              WHERE NOT EXISTS (SELECT 1 FROM monthly_usage AS u WITH (UPDLOCK, HOLDLOCK)
                                WHERE u.OrganizationId = {0} AND u.Month = {1} AND u.Shard = s.Shard)
              """
            : $$"""
              INSERT INTO monthly_usage ("OrganizationId", "Month", "Shard", "Bookings", "ExtraAllowance", "Allowance", "OrganizationVersion")
              SELECT {0}, {1}, s.shard, 0, 0, 0, 0 FROM (SELECT {{string.Join(" AS shard UNION ALL SELECT ", shards)}} AS shard) AS s
              WHERE true
              ON CONFLICT DO NOTHING
              """;
        return db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql, organizationId, month), cancellationToken);
    }

    /// <summary>
    /// The recount's gate, held until the transaction ends, so one recount of a month runs at a time and waits only
    /// for bookings counting in one row, which wait for nothing. On PostgreSQL an advisory lock, not a row: recounts
    /// queued on a row they all update (and on each other's new versions of it) deadlocked under load. SQLite has
    /// one writer.
    /// </summary>
    private async Task LockGateAsync(Guid organizationId, int month, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"slotflow monthly_usage {organizationId:N} {month}");
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", cancellationToken);
        }
        else if (db.Provider == DatabaseProvider.SqlServer)
        {
            await db.Database.ExecuteSqlAsync(
                $"EXEC sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'",
                cancellationToken);
        }
    }

    /// <summary>The month's rows, tracked, each locked until the transaction ends (by the gate's holder only).</summary>
    private Task<List<MonthlyUsage>> LockMonthAsync(Guid organizationId, int month, CancellationToken cancellationToken) =>
        db.Provider == DatabaseProvider.Postgres
            ? db.MonthlyUsage.FromSql(
                    $"""SELECT * FROM monthly_usage WHERE "OrganizationId" = {organizationId} AND "Month" = {month} ORDER BY "Shard" FOR UPDATE""")
                .ToListAsync(cancellationToken)
            : db.Provider == DatabaseProvider.SqlServer
                ? db.MonthlyUsage.FromSql(
                        $"SELECT * FROM monthly_usage WITH (UPDLOCK, HOLDLOCK) WHERE OrganizationId = {organizationId} AND Month = {month} ORDER BY Shard")
                    .ToListAsync(cancellationToken)
                : db.MonthlyUsage.Where(u => u.OrganizationId == organizationId && u.Month == month).OrderBy(u => u.Shard).ToListAsync(cancellationToken);
}
