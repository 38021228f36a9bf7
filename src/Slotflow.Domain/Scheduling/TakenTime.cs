namespace Slotflow.Domain.Scheduling;

/// <summary>
/// Time the engine sees as taken: a confirmed booking, or an unexpired hold (<see cref="Held"/>), which occupies its
/// time alike but counts toward no limit (spec §11.1). Its interval counts toward daily and weekly limits by its local
/// start date; its blocked window is the interval widened by the buffers in force when it was made (spec §10).
/// </summary>
public readonly record struct TakenTime(TimeRange Interval, TimeRange Blocked, bool Held = false)
{
    /// <summary>From a booking's columns (a flat constructor, which a database query can project into).</summary>
    public TakenTime(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset blockedFrom, DateTimeOffset blockedUntil)
        : this(new TimeRange(startsAt, endsAt), new TimeRange(blockedFrom, blockedUntil))
    {
    }

    /// <summary>From a booking's or a hold's columns.</summary>
    public TakenTime(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset blockedFrom, DateTimeOffset blockedUntil, bool held)
        : this(new TimeRange(startsAt, endsAt), new TimeRange(blockedFrom, blockedUntil), held)
    {
    }

    /// <summary>A booking made without buffers: it blocks only its own interval.</summary>
    public static TakenTime Unbuffered(TimeRange interval) => new(interval, interval);
}
