using Microsoft.EntityFrameworkCore;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// The database's own refusal of two overlapping confirmed bookings of one human. The concurrency token already
/// serialises bookings; this catches any path that bypasses it. On SQLite it is the trigger bookings_no_overlap
/// (migration AddBookingsAndQuota), which aborts with <see cref="Message"/>.
/// </summary>
internal static class OverlapBackstop
{
    public const string Message = "SLOTFLOW_BOOKING_OVERLAP";

    public static bool IsViolation(DbUpdateException exception) =>
        exception.InnerException?.Message.Contains(Message, StringComparison.Ordinal) == true;
}
