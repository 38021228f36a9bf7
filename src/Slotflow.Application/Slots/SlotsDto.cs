namespace Slotflow.Application.Slots;

/// <summary>SlotsResponse (spec §4).</summary>
public sealed record SlotsDto(Guid HumanId, int Duration, string Timezone, IReadOnlyList<SlotDto> Slots, int Total);

public sealed record SlotDto(DateTimeOffset StartsAt, DateTimeOffset EndsAt);
