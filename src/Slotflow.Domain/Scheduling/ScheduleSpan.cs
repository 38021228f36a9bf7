using Slotflow.Domain.Humans;

namespace Slotflow.Domain.Scheduling;

/// <summary>
/// The UTC spans whose confirmed bookings a decision needs, known before the human's zone and rules are read (so they
/// can be read in one statement with the human): <see cref="Near"/>, where a blocked window may touch the interval or
/// slots; and <see cref="Wide"/>, every booking of the local days and ISO weeks involved, which only a human with daily
/// or weekly limits needs (offsets lie within −12 h and +14 h).
/// </summary>
public readonly record struct ScheduleSpan(TimeRange Near, TimeRange Wide)
{
    /// <summary>Longest a blocked window can reach before or after its booking's start.</summary>
    private static readonly TimeSpan Reach = TimeSpan.FromMinutes(WorkingHours.MaxDuration + SchedulingRules.MaxBuffer);

    private static readonly TimeSpan Buffer = TimeSpan.FromMinutes(SchedulingRules.MaxBuffer);

    /// <summary>Bookings starting inside this span are every booking whose blocked window can meet <see cref="Near"/>.</summary>
    public TimeRange NearStarts => new(Near.Start - Reach, Near.End + Buffer);

    public static ScheduleSpan ForInterval(TimeRange interval) => new(
        new TimeRange(interval.Start - Buffer, interval.End + Buffer),
        new TimeRange(UtcMidnight(interval.Start).AddDays(-8), UtcMidnight(interval.End).AddDays(9)));

    /// <summary>For slots on the local dates from..to in any zone.</summary>
    public static ScheduleSpan ForDates(DateOnly from, DateOnly to) => new(
        Availability.BookingSpanInAnyZone(from, to),
        new TimeRange(UtcMidnight(from).AddDays(-9), UtcMidnight(to).AddDays(10)));

    /// <summary>For the alternatives of an interval starting then (<see cref="Availability.Alternatives"/>): its local date ±15 days.</summary>
    public static ScheduleSpan ForAlternatives(DateTimeOffset start)
    {
        var date = DateOnly.FromDateTime(start.UtcDateTime);
        return ForDates(date.AddDays(-16), date.AddDays(16));
    }

    /// <summary>For <see cref="Availability.NearAlternatives"/>: the local days either side of the start's, in any zone.</summary>
    public static ScheduleSpan ForNearAlternatives(DateTimeOffset start)
    {
        var date = DateOnly.FromDateTime(start.UtcDateTime);
        return ForDates(date.AddDays(-2), date.AddDays(2));
    }

    private static DateTimeOffset UtcMidnight(DateTimeOffset instant) => new(instant.UtcDateTime.Date, TimeSpan.Zero);

    private static DateTimeOffset UtcMidnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
