using Slotflow.Domain.Common;

namespace Slotflow.Domain.Humans;

/// <summary>
/// A block or extra open time of one human: all day or a time window, on one date, every date of a range,
/// or on the dates of a recurrence. Wall-clock times are read in the human's zone.
/// </summary>
public sealed class ScheduleOverride
{
    public const int MaxTitleLength = 200;

    private ScheduleOverride(
        Guid id, Guid humanId, OverrideType type, string title, DateOnly startDate, DateOnly? endDate,
        ClockTime? startTime, ClockTime? endTime, DateTimeOffset createdAt)
    {
        Id = id;
        HumanId = humanId;
        Type = type;
        Title = title;
        StartDate = startDate;
        EndDate = endDate;
        StartTime = startTime;
        EndTime = endTime;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid HumanId { get; private set; }

    public OverrideType Type { get; private set; }

    public string Title { get; private set; }

    public bool AllDay => StartTime is null;

    public DateOnly StartDate { get; private set; }

    /// <summary>Last date of a range, or the end of a series; null for a single date or an endless series.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>Null for an all-day override.</summary>
    public ClockTime? StartTime { get; private set; }

    /// <summary>Null for an all-day override; may be 24:00.</summary>
    public ClockTime? EndTime { get; private set; }

    public RecurrenceRule? Recurrence { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The window on each date it applies: 00:00–24:00 when all day.</summary>
    public int WindowStartMinutes => StartTime?.Minutes ?? 0;

    public int WindowEndMinutes => EndTime?.Minutes ?? ClockTime.EndOfDayMinutes;

    /// <summary>No title (null or "", which is how none is stored), or one a person can read.</summary>
    public static bool IsValidTitle(string? title) => string.IsNullOrEmpty(title) || ReadableText.IsValid(title, MaxTitleLength);

    /// <param name="window">Null for all day; otherwise start before end.</param>
    public static ScheduleOverride Create(
        Guid humanId, OverrideType type, string? title, DateOnly startDate, DateOnly? endDate,
        (ClockTime Start, ClockTime End)? window, RecurrenceRule? recurrence, DateTimeOffset now)
    {
        if (!IsValidTitle(title))
        {
            throw DomainException.Invalid(ReadableText.Message("title", MaxTitleLength));
        }

        if (endDate < startDate)
        {
            throw DomainException.Invalid("end_date must not be before start_date.");
        }

        if (window is { } w && w.Start.Minutes >= w.End.Minutes)
        {
            throw DomainException.Invalid("start_time must be before end_time.");
        }

        return new ScheduleOverride(
            Guid.NewGuid(), humanId, type, title ?? string.Empty, startDate, endDate,
            window?.Start, window?.End, now.ToUniversalTime())
        {
            Recurrence = recurrence,
        };
    }

    /// <summary>
    /// Whether its span (one date, a range, or a series to its end or forever) meets first..last: the only overrides
    /// that can occur on those dates.
    /// </summary>
    public bool MayOccurBetween(DateOnly first, DateOnly last) =>
        StartDate <= last && (EndDate ?? (Recurrence is null ? StartDate : DateOnly.MaxValue)) >= first;

    public bool OccursOn(DateOnly date)
    {
        if (date < StartDate)
        {
            return false;
        }

        if (Recurrence is null)
        {
            return date <= (EndDate ?? StartDate);
        }

        return (EndDate is null || date <= EndDate) && Recurrence.OccursOn(StartDate, date);
    }
}
