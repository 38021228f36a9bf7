using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Slots;

/// <summary>
/// SlotsResponse (spec §4) with §11.5's two fields after it: the first bookable start after date_to (searched
/// <see cref="GetSlots.GetSlotsQueryHandler.NextAvailableReachDays"/> days on) or null, and why the list is empty (null when it is not).
/// </summary>
public sealed record SlotsDto(
    Guid HumanId, int Duration, string Timezone, IReadOnlyList<SlotDto> Slots, int Total, DateTimeOffset? NextAvailableAt = null, string? EmptyReason = null)
{
    /// <summary>The wire name of an empty answer's reason.</summary>
    public static string Name(EmptyReason reason) => reason switch
    {
        Domain.Scheduling.EmptyReason.NotWorking => "NOT_WORKING",
        Domain.Scheduling.EmptyReason.Blocked => "BLOCKED",
        Domain.Scheduling.EmptyReason.FullyBooked => "FULLY_BOOKED",
        Domain.Scheduling.EmptyReason.Passed => "PASSED",
        Domain.Scheduling.EmptyReason.BeyondHorizon => "BEYOND_HORIZON",
        _ => "LIMIT_REACHED",
    };
}

public sealed record SlotDto(DateTimeOffset StartsAt, DateTimeOffset EndsAt);
