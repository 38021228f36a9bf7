namespace Slotflow.Domain.Scheduling;

/// <summary>
/// A confirmed booking as the engine sees it: its interval (which counts toward daily and weekly limits by its local
/// start date) and its blocked window, the interval widened by the buffers in force when it was made (spec §10).
/// </summary>
public readonly record struct TakenTime(TimeRange Interval, TimeRange Blocked)
{
    /// <summary>From a booking's columns (a flat constructor, which a database query can project into).</summary>
    public TakenTime(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset blockedFrom, DateTimeOffset blockedUntil)
        : this(new TimeRange(startsAt, endsAt), new TimeRange(blockedFrom, blockedUntil))
    {
    }

    /// <summary>A booking made without buffers: it blocks only its own interval.</summary>
    public static TakenTime Unbuffered(TimeRange interval) => new(interval, interval);
}
