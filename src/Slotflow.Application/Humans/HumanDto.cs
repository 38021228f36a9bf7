namespace Slotflow.Application.Humans;

/// <summary>Human as listed and created (spec §4).</summary>
public sealed record HumanDto(Guid Id, string Name, string? Email, string? Role, string Timezone, bool Active, DateTimeOffset CreatedAt);

/// <summary>Human as read one at a time, with its rules (null until set).</summary>
public sealed record HumanDetailsDto(
    Guid Id,
    string Name,
    string? Email,
    string? Role,
    string Timezone,
    bool Active,
    DateTimeOffset CreatedAt,
    AvailabilityRulesDto? AvailabilityRules);

/// <summary>The rules with every field of spec §10 shown, defaults included.</summary>
public sealed record AvailabilityRulesDto(
    IReadOnlyList<int> WorkingDays,
    string WorkStart,
    string WorkEnd,
    IReadOnlyList<int> MeetingDurations,
    int? SlotInterval,
    int BufferBefore,
    int BufferAfter,
    int MinimumNotice,
    int? BookingHorizonDays,
    int? DailyBookingLimit,
    int? WeeklyBookingLimit,
    Dictionary<string, IReadOnlyList<ClockWindowDto>>? WeeklyHours);

/// <summary>One window of <c>weekly_hours</c>: "HH:MM" to "HH:MM".</summary>
public sealed record ClockWindowDto(string Start, string End);

public sealed record HumanListDto(IReadOnlyList<HumanDto> Humans, int Total);

public sealed record DeletedDto(bool Deleted, Guid Id);
