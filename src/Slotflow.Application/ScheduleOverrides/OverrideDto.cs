namespace Slotflow.Application.ScheduleOverrides;

/// <summary>ScheduleOverride as on the wire (spec §4).</summary>
public sealed record OverrideDto(
    Guid Id,
    Guid HumanId,
    string Type,
    string Title,
    bool AllDay,
    DateOnly StartDate,
    DateOnly? EndDate,
    string? StartTime,
    string? EndTime,
    RecurrenceDto? Recurrence,
    DateTimeOffset CreatedAt);

/// <summary>RecurrenceRule as on the wire; the fields its frequency does not use are null.</summary>
public sealed record RecurrenceDto(string Freq, int Interval, IReadOnlyList<int>? Days, int? DayOfMonth, int? Week, int? Day);

/// <summary>One page of a human's overrides; <see cref="Total"/> counts all of them.</summary>
public sealed record OverrideListDto(IReadOnlyList<OverrideDto> Overrides, int Total, int Limit, int Offset);
