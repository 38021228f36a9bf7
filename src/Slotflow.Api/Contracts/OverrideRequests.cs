namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/humans/{id}/overrides. Every field is optional here so the validator can name what is missing.</summary>
public sealed record CreateOverrideRequest(
    string? Type,
    string? Title,
    bool? AllDay,
    string? StartDate,
    string? EndDate,
    string? StartTime,
    string? EndTime,
    RecurrenceRequest? Recurrence);

public sealed record RecurrenceRequest(string? Freq, int? Interval, int[]? Days, int? DayOfMonth, int? Week, int? Day);
