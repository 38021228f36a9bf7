namespace Slotflow.Domain.Scheduling;

/// <summary>
/// Turns a human's wall-clock times into UTC instants (spec §7): a local time that occurs twice means its first
/// occurrence; a local time skipped by a spring-forward gap means the instant the clock jumps.
/// </summary>
/// <remarks>
/// Only instant-based offset look-ups are used: .NET's local-time queries (IsInvalidTime, GetUtcOffset of a
/// local DateTime) misread zones whose tz rules use negative daylight saving, such as Europe/Dublin.
/// </remarks>
public sealed class ZoneClock(TimeZoneInfo zone)
{
    private static readonly TimeSpan Margin = TimeSpan.FromHours(3);

    public TimeZoneInfo Zone { get; } = zone;

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The local ISO week (Monday 00:00 to the next Monday 00:00) that <paramref name="instant"/> falls in, as instants.</summary>
    public TimeRange IsoWeekOf(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        var monday = date.AddDays(-(Humans.Weekdays.Of(date) - 1)); // as the weekly booking limit counts weeks
        var next = monday.AddDays(7);
        return new TimeRange(ToInstant(monday, 0, SteadyOffset(monday)), ToInstant(next, 0, SteadyOffset(next)));
    }

    /// <summary>The UTC offset that holds for all of <paramref name="date"/>, or null when an offset change is near it.</summary>
    public TimeSpan? SteadyOffset(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var offset = OffsetAt(midnight.Ticks);
        var dayStart = midnight.Ticks - offset.Ticks;
        var steady = OffsetAt(dayStart - Margin.Ticks) == offset
            && OffsetAt(dayStart + TimeSpan.TicksPerDay + Margin.Ticks) == offset;
        return steady ? offset : null;
    }

    /// <summary>The instant of <paramref name="minutes"/> after local midnight of <paramref name="date"/> (up to 24:00).</summary>
    public DateTimeOffset ToInstant(DateOnly date, int minutes, TimeSpan? steadyOffset)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes).Ticks;
        if (steadyOffset is { } offset)
        {
            return new DateTimeOffset(local - offset.Ticks, TimeSpan.Zero);
        }

        // The offsets in force a day before and a day after; the local time is read with each, and a reading is
        // kept when the zone really shows that local time at that instant.
        var before = OffsetAt(local - TimeSpan.TicksPerDay);
        var after = OffsetAt(local + TimeSpan.TicksPerDay);
        var early = Math.Min(local - before.Ticks, local - after.Ticks);
        var late = Math.Max(local - before.Ticks, local - after.Ticks);
        if (ShowsLocal(early, local))
        {
            return new DateTimeOffset(early, TimeSpan.Zero);
        }

        if (ShowsLocal(late, local))
        {
            return new DateTimeOffset(late, TimeSpan.Zero);
        }

        return new DateTimeOffset(GapEnd(early, late), TimeSpan.Zero);
    }

    private bool ShowsLocal(long utcTicks, long localTicks) => utcTicks + OffsetAt(utcTicks).Ticks == localTicks;

    private TimeSpan OffsetAt(long utcTicks) => Zone.GetUtcOffset(new DateTimeOffset(utcTicks, TimeSpan.Zero));

    // The skipped local time lies between the two readings; the clock jumped at the first instant after which the
    // offset is the later one. Transitions fall on whole minutes.
    private long GapEnd(long low, long high)
    {
        var lowOffset = OffsetAt(low);
        while (high - low > TimeSpan.TicksPerMinute)
        {
            var middle = low + ((high - low) / TimeSpan.TicksPerMinute / 2 * TimeSpan.TicksPerMinute);
            if (OffsetAt(middle) == lowOffset)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }
}
