using Slotflow.Domain.Common;

namespace Slotflow.Domain.Humans;

/// <summary>A human's availability rules: the weekly working window and the meeting lengths that may be booked.</summary>
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

    /// <summary>ISO weekdays, 1 = Monday … 7 = Sunday, in the order they were given.</summary>
    public IReadOnlyList<int> WorkingDays { get; private set; }

    public ClockTime WorkStart { get; private set; }

    public ClockTime WorkEnd { get; private set; }

    /// <summary>Allowed meeting lengths in minutes, in the order they were given.</summary>
    public IReadOnlyList<int> MeetingDurations { get; private set; }

    public static bool IsAllowedDurationValue(int minutes) =>
        minutes is >= MinDuration and <= MaxDuration && minutes % 5 == 0;

    public static WorkingHours Create(IReadOnlyCollection<int> workingDays, ClockTime workStart, ClockTime workEnd, IReadOnlyCollection<int> meetingDurations)
    {
        if (workingDays.Count == 0 || !workingDays.All(Weekdays.IsValid) || workingDays.Distinct().Count() != workingDays.Count)
        {
            throw DomainException.Invalid("working_days must be distinct weekdays 1 (Monday) to 7 (Sunday), at least one.");
        }

        if (workStart.Minutes >= workEnd.Minutes)
        {
            throw DomainException.Invalid("work_start must be before work_end.");
        }

        if (meetingDurations.Count == 0 || !meetingDurations.All(IsAllowedDurationValue)
            || meetingDurations.Distinct().Count() != meetingDurations.Count)
        {
            throw DomainException.Invalid("meeting_durations must be distinct multiples of 5 from 5 to 720, at least one.");
        }

        return new WorkingHours([.. workingDays], workStart, workEnd, [.. meetingDurations]);
    }

    public bool Allows(int durationMinutes) => MeetingDurations.Contains(durationMinutes);
}
