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
}
