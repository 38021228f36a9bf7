using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// The database's own refusal of two overlapping confirmed bookings of one human. The concurrency token already
/// serialises bookings; this catches any path that bypasses it. On SQLite and SQL Server it is the trigger
/// bookings_no_overlap, which aborts with <see cref="Message"/>; on PostgreSQL the exclusion constraint of that name.
/// </summary>
internal static class OverlapBackstop
{
    public const string Message = "SLOTFLOW_BOOKING_OVERLAP";
    public const string ConstraintName = "bookings_no_overlap";

    public static bool IsViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ExclusionViolation && postgres.ConstraintName == ConstraintName,
        { } inner => inner.Message.Contains(Message, StringComparison.Ordinal),
        null => false,
    };
}
