using Slotflow.Domain.Common;

namespace Slotflow.Domain.Scheduling;

/// <summary>
/// The refusal of a specific interval with what helps the agent retry (spec §11.3): the nearest bookable slots of
/// the same human and duration, and for SLOT_UNAVAILABLE the booking or hold that occupies the time.
/// </summary>
public sealed class IntervalRefusedException(ErrorCode code, string message, IReadOnlyList<TimeRange> alternatives, TakenTime? conflict)
    : DomainException(code, message)
{
    public IReadOnlyList<TimeRange> Alternatives { get; } = alternatives;

    /// <summary>The booking or hold in the way, for SLOT_UNAVAILABLE.</summary>
    public TakenTime? Conflict { get; } = conflict;

    /// <summary>The refusals of a specific interval, which carry alternatives.</summary>
    public static bool IsIntervalRefusal(ErrorCode code) => code is ErrorCode.SlotUnavailable or ErrorCode.OutsideWorkingHours
        or ErrorCode.ScheduleBlocked or ErrorCode.NoticeTooShort or ErrorCode.BeyondHorizon
        or ErrorCode.DailyBookingLimitReached or ErrorCode.WeeklyBookingLimitReached;
}
