namespace Slotflow.Domain.Scheduling;

/// <summary>Why a slot query found nothing (spec §11.5): the rule that removed the most candidate starts.</summary>
public enum EmptyReason
{
    /// <summary>No working window or open override in the range.</summary>
    NotWorking,

    /// <summary>Block overrides.</summary>
    Blocked,

    /// <summary>Bookings, holds, or their buffers.</summary>
    FullyBooked,

    /// <summary>Before now, or inside the minimum notice.</summary>
    Passed,

    /// <summary>Past the booking horizon.</summary>
    BeyondHorizon,

    /// <summary>Daily or weekly booking limits.</summary>
    LimitReached,
}
