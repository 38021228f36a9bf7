using Microsoft.EntityFrameworkCore;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// The database's own refusal of two overlapping confirmed bookings of one human. The concurrency token already
/// serialises bookings; this catches any path that bypasses it. On SQLite it is a trigger (see the migration).
/// </summary>
internal static class OverlapBackstop
{
    public const string Message = "SLOTFLOW_BOOKING_OVERLAP";

    public const string SqliteTrigger = $"""
        CREATE TRIGGER bookings_no_overlap
        BEFORE INSERT ON bookings
        WHEN NEW."Status" = 'Confirmed' AND EXISTS (
            SELECT 1 FROM bookings
            WHERE "HumanId" = NEW."HumanId" AND "Status" = 'Confirmed'
              AND "StartsAt" < NEW."EndsAt" AND NEW."StartsAt" < "EndsAt")
        BEGIN
            SELECT RAISE(ABORT, '{Message}');
        END;
        """;

    public static bool IsViolation(DbUpdateException exception) =>
        exception.InnerException?.Message.Contains(Message, StringComparison.Ordinal) == true;
}
