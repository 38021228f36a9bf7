using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Infrastructure.Persistence.Repositories;

/// <summary>
/// A human's confirmed bookings in a span as the database merges them: one item per run of blocked windows that touch
/// end to start, so a month booked solid is a few rows instead of one per booking. Only the union of blocked time
/// survives (no per-booking interval), which is all the engine needs for a human without daily or weekly limits.
/// </summary>
/// <remarks>
/// EF Core builds the filtered read (its parameters and value conversions per provider); the window functions, which
/// LINQ cannot express, wrap it: a row starts a run unless the row before it ends where it begins, and ends one unless
/// the row after it begins where it ends. Each such match cancels one start against one end, so the run starts and the
/// run ends, each sorted, pair up into intervals whose union is the union of the windows, even if windows overlapped.
/// </remarks>
internal static class BookedRuns
{
    public static async Task<List<TakenTime>> ReadAsync(
        SlotflowDbContext db, Guid humanId, ScheduleSpan span, DateTimeOffset? except, CancellationToken cancellationToken)
    {
        var (nearFrom, startsFrom, startsUntil) = (span.Near.Start, span.NearStarts.Start, span.NearStarts.End);
        var left = except ?? startsFrom; // the bound below is strict, so the default leaves nothing out
        var rows = db.Bookings.AsNoTracking()
            .Where(b => b.HumanId == humanId && b.Status == BookingStatus.Confirmed
                && b.StartsAt > startsFrom && b.StartsAt < startsUntil && b.BlockedUntil > nearFrom && b.StartsAt != left)
            .Select(b => new { b.StartsAt, b.BlockedFrom, b.BlockedUntil });

        await using var command = rows.CreateDbCommand();
        command.CommandText = Wrap(db, command.CommandText);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (starts, ends) = (new List<DateTimeOffset>(), new List<DateTimeOffset>());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt32(2) == 1)
                {
                    starts.Add(Instant(reader, 0));
                }

                if (reader.GetInt32(3) == 1)
                {
                    ends.Add(Instant(reader, 1));
                }
            }

            starts.Sort();
            ends.Sort();
            return [.. starts.Zip(ends, (start, end) => TakenTime.Unbuffered(new TimeRange(start, end)))];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Wrap(SlotflowDbContext db, string rows)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var (at, from, until) = (sql.DelimitIdentifier("StartsAt"), sql.DelimitIdentifier("BlockedFrom"), sql.DelimitIdentifier("BlockedUntil"));
        var (before, after) = (sql.DelimitIdentifier("UntilBefore"), sql.DelimitIdentifier("FromAfter"));
        return $"""
            SELECT {from}, {until},
                CASE WHEN {before} = {from} THEN 0 ELSE 1 END,
                CASE WHEN {after} = {until} THEN 0 ELSE 1 END
            FROM (
                SELECT {from}, {until},
                    LAG({until}) OVER (ORDER BY {at}) AS {before},
                    LEAD({from}) OVER (ORDER BY {at}) AS {after}
                FROM ({rows}) AS {sql.DelimitIdentifier("taken")}
            ) AS {sql.DelimitIdentifier("windows")}
            WHERE {before} IS NULL OR {before} <> {from} OR {after} IS NULL OR {after} <> {until}
            """;
    }

    /// <summary>As each provider returns an instant: UTC ticks on SQLite (its converter), a UTC DateTime on PostgreSQL.</summary>
    private static DateTimeOffset Instant(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        long ticks => new DateTimeOffset(ticks, TimeSpan.Zero),
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset instant => instant,
        var other => throw new InvalidOperationException($"Unexpected instant type {other.GetType()}."),
    };
}
