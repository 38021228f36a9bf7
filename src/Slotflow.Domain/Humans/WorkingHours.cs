using Slotflow.Domain.Common;

namespace Slotflow.Domain.Humans;

/// <summary>
/// A human's availability rules (spec §4 and §10): when they work, the meeting lengths that may be booked, and the
/// rules every booking and slot obeys (grid, buffers, notice, horizon, daily and weekly limits).
/// </summary>
public sealed class WorkingHours
{
    public const int MinDuration = 5;
    public const int MaxDuration = 720;

    private WorkingHours(IReadOnlyList<int> workingDays, ClockTime workStart, ClockTime workEnd, IReadOnlyList<int> meetingDurations)
    {
        WorkingDays = workingDays;
        WorkStart = workStart;
        WorkEnd = workEnd;
        MeetingDurations = meetingDurations;
    }

    /// <summary>ISO weekdays, 1 = Monday … 7 = Sunday, in the order they were given (with weekly hours: the days that have a window).</summary>
    public IReadOnlyList<int> WorkingDays { get; private set; }

    /// <summary>The working window's start (with weekly hours: the earliest start of any day).</summary>
    public ClockTime WorkStart { get; private set; }

    /// <summary>The working window's end (with weekly hours: the latest end of any day).</summary>
    public ClockTime WorkEnd { get; private set; }

    /// <summary>Allowed meeting lengths in minutes, in the order they were given.</summary>
    public IReadOnlyList<int> MeetingDurations { get; private set; }

    /// <summary>Minutes between candidate starts in a window; null = the requested duration.</summary>
    public int? SlotInterval { get; private set; }

    public int BufferBefore { get; private set; }

    public int BufferAfter { get; private set; }

    public int MinimumNotice { get; private set; }

    public int? BookingHorizonDays { get; private set; }

    public int? DailyBookingLimit { get; private set; }

    public int? WeeklyBookingLimit { get; private set; }

    /// <summary>When set, the windows of each weekday; the classic fields then only summarise them.</summary>
    public WeeklyHours? WeeklyHours { get; private set; }

    public bool HasBookingLimits => DailyBookingLimit is not null || WeeklyBookingLimit is not null;

    public static bool IsAllowedDurationValue(int minutes) =>
        minutes is >= MinDuration and <= MaxDuration && minutes % 5 == 0;

    public static WorkingHours Create(IReadOnlyCollection<int> workingDays, ClockTime workStart, ClockTime workEnd, IReadOnlyCollection<int> meetingDurations) =>
        Create(workingDays, workStart, workEnd, meetingDurations, SchedulingRules.None);

    /// <summary>
    /// With <see cref="SchedulingRules.WeeklyHours"/> the classic fields are not needed (pass null) and are replaced by
    /// the summary of the weekly hours; without it they are required.
    /// </summary>
    public static WorkingHours Create(
        IReadOnlyCollection<int>? workingDays, ClockTime? workStart, ClockTime? workEnd, IReadOnlyCollection<int> meetingDurations, SchedulingRules rules)
    {
        if (rules.WeeklyHours is { } weekly)
        {
            (workingDays, workStart, workEnd) = (weekly.WorkingDays().ToList(), weekly.EarliestStart(), weekly.LatestEnd());
        }

        if (workingDays is null || workingDays.Count == 0 || !workingDays.All(Weekdays.IsValid) || workingDays.Distinct().Count() != workingDays.Count)
        {
            throw DomainException.Invalid("working_days must be distinct weekdays 1 (Monday) to 7 (Sunday), at least one.");
        }

        if (workStart is not { } start || workEnd is not { } end || start.Minutes >= end.Minutes)
        {
            throw DomainException.Invalid("work_start must be before work_end.");
        }

        if (meetingDurations.Count == 0 || !meetingDurations.All(IsAllowedDurationValue)
            || meetingDurations.Distinct().Count() != meetingDurations.Count)
        {
            throw DomainException.Invalid("meeting_durations must be distinct multiples of 5 from 5 to 720, at least one.");
        }

        Check(rules);
        return new WorkingHours([.. workingDays], start, end, [.. meetingDurations])
        {
            SlotInterval = rules.SlotInterval,
            BufferBefore = rules.BufferBefore,
            BufferAfter = rules.BufferAfter,
            MinimumNotice = rules.MinimumNotice,
            BookingHorizonDays = rules.BookingHorizonDays,
            DailyBookingLimit = rules.DailyBookingLimit,
            WeeklyBookingLimit = rules.WeeklyBookingLimit,
            WeeklyHours = rules.WeeklyHours,
        };
    }

    public bool Allows(int durationMinutes) => MeetingDurations.Contains(durationMinutes);

    /// <summary>The working windows of an ISO weekday: the weekly hours' windows, or the classic window on a working day.</summary>
    public IReadOnlyList<ClockWindow> WindowsOn(int weekday) =>
        WeeklyHours?.On(weekday)
        ?? (WorkingDays.Contains(weekday) ? [new ClockWindow(WorkStart, WorkEnd)] : []);

    private static void Check(SchedulingRules rules)
    {
        if (rules.SlotInterval is { } interval && !IsAllowedDurationValue(interval))
        {
            throw DomainException.Invalid("slot_interval must be null or minutes from 5 to 720 in multiples of 5.");
        }

        if (!SchedulingRules.IsValidBuffer(rules.BufferBefore) || !SchedulingRules.IsValidBuffer(rules.BufferAfter))
        {
            throw DomainException.Invalid($"buffer_before and buffer_after must be minutes from 0 to {SchedulingRules.MaxBuffer} in multiples of 5.");
        }

        if (!SchedulingRules.IsValidNotice(rules.MinimumNotice))
        {
            throw DomainException.Invalid($"minimum_notice must be minutes from 0 to {SchedulingRules.MaxMinimumNotice}.");
        }

        if (rules.BookingHorizonDays is { } horizon && !SchedulingRules.IsValidHorizon(horizon))
        {
            throw DomainException.Invalid($"booking_horizon_days must be null or days from 1 to {SchedulingRules.MaxHorizonDays}.");
        }

        if (rules.DailyBookingLimit is { } daily && !SchedulingRules.IsValidLimit(daily)
            || rules.WeeklyBookingLimit is { } weekly && !SchedulingRules.IsValidLimit(weekly))
        {
            throw DomainException.Invalid("daily_booking_limit and weekly_booking_limit must be null or at least 1.");
        }
    }
}
