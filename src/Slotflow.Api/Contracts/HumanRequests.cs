namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/humans. Every field is optional here so the validator can name what is missing.</summary>
public sealed record CreateHumanRequest(string? Name, string? Timezone, string? Email, string? Role);

/// <summary>PUT /v1/humans/{id}/availability.</summary>
public sealed record SetAvailabilityRequest(int[]? WorkingDays, string? WorkStart, string? WorkEnd, int[]? MeetingDurations);
