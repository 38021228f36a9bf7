namespace Slotflow.Domain.Scheduling;

/// <summary>
/// Turns a human's wall-clock times into UTC instants (spec §7): a local time that occurs twice means its first
/// occurrence; a local time skipped by a spring-forward gap means the instant the clock jumps.
/// </summary>
public sealed class ZoneClock(TimeZoneInfo zone)
{
    private static readonly TimeSpan Margin = TimeSpan.FromHours(3);

    public TimeZoneInfo Zone { get; } = zone;

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The UTC offset that holds for all of <paramref name="date"/>, or null when an offset change is near it.</summary>
    public TimeSpan? SteadyOffset(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var offset = Zone.GetUtcOffset(midnight);
        var dayStart = new DateTimeOffset(midnight.Ticks - offset.Ticks, TimeSpan.Zero);
        var steady = Zone.GetUtcOffset(dayStart - Margin) == offset
            && Zone.GetUtcOffset(dayStart + TimeSpan.FromDays(1) + Margin) == offset;
        return steady ? offset : null;
    }

    /// <summary>The instant of <paramref name="minutes"/> after local midnight of <paramref name="date"/> (up to 24:00).</summary>
    public DateTimeOffset ToInstant(DateOnly date, int minutes, TimeSpan? steadyOffset)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
        if (steadyOffset is { } offset)
        {
            return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
        }

        if (Zone.IsInvalidTime(local))
        {
            return GapEnd(local);
        }

        var utcOffset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - utcOffset.Ticks, TimeSpan.Zero);
    }

    // In a gap the offset after the jump is larger than before it: read with the later offset the local time is an
    // instant before the jump, with the earlier one an instant after it. Search between them, to the minute.
    private DateTimeOffset GapEnd(DateTime local)
    {
        var before = Zone.GetUtcOffset(local.AddDays(-1));
        var after = Zone.GetUtcOffset(local.AddDays(1));
        var low = new DateTimeOffset(local.Ticks - after.Ticks, TimeSpan.Zero);
        var high = new DateTimeOffset(local.Ticks - before.Ticks, TimeSpan.Zero);
        while (high - low > TimeSpan.FromMinutes(1))
        {
            var middle = low + TimeSpan.FromMinutes(Math.Floor((high - low).TotalMinutes / 2));
            if (Zone.GetUtcOffset(middle) == before)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return Zone.GetUtcOffset(low) == before ? high : low;
    }
}
