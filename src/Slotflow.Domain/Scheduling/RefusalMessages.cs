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
        ErrorCode.NoticeTooShort => "starts_at is sooner than this human's minimum_notice allows.",
        ErrorCode.BeyondHorizon => "starts_at is further ahead than this human's booking_horizon_days allows.",
        ErrorCode.DailyBookingLimitReached => "This human's daily_booking_limit is reached on that day (their local date).",
        ErrorCode.WeeklyBookingLimitReached => "This human's weekly_booking_limit is reached in that ISO week (their local time).",
        _ => "The interval cannot be booked.",
    };
}
