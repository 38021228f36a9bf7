namespace Slotflow.Domain.Common;

/// <summary>The API error codes a domain or application rule can produce (spec §3).</summary>
public enum ErrorCode
{
    ValidationError,
    NotFound,
    LimitReached,
    SlotUnavailable,
    InvalidDuration,
    OutsideWorkingHours,
    ScheduleBlocked,

    /// <summary>Starts sooner than the human's minimum notice (spec §10).</summary>
    NoticeTooShort,

    /// <summary>Starts later than the human's booking horizon.</summary>
    BeyondHorizon,

    /// <summary>BOOKING_LIMIT_REACHED: the human's local day is full.</summary>
    DailyBookingLimitReached,

    /// <summary>BOOKING_LIMIT_REACHED: the human's ISO week is full.</summary>
    WeeklyBookingLimitReached,

    /// <summary>A cancelled booking cannot be rescheduled (spec §11.2).</summary>
    BookingCancelled,

    /// <summary>A hold that expired or was released cannot be confirmed (spec §11.1).</summary>
    HoldExpired,

    /// <summary>A confirmed hold is a booking now: it cannot be released.</summary>
    HoldConfirmed,
}
