using Slotflow.Domain.Common;

namespace Slotflow.Domain.Scheduling;

/// <summary>What an agent is told when the engine refuses an interval.</summary>
public static class RefusalMessages
{
    public static string For(ErrorCode refusal) => refusal switch
    {
        ErrorCode.ValidationError => "starts_at must be in the future.",
        ErrorCode.InvalidDuration => "duration is not one of this human's meeting_durations.",
        ErrorCode.OutsideWorkingHours => "The interval is not inside the human's working hours or an open override.",
        ErrorCode.ScheduleBlocked => "The interval overlaps a block on the human's schedule.",
        ErrorCode.SlotUnavailable => "The requested slot is no longer available.",
        _ => "The interval cannot be booked.",
    };
}
