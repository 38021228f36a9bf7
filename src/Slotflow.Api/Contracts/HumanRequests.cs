using Slotflow.Application.Humans.CreateHuman;
using Slotflow.Application.Humans.SetAvailability;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/humans. Every field is optional here so the validator can name what is missing.</summary>
public sealed record CreateHumanRequest(string? Name, string? Timezone, string? Email, string? Role)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public CreateHumanCommand ToCommand(Guid organizationId) =>
        new(organizationId, Name ?? string.Empty, Timezone ?? string.Empty, Email, Role);
}

/// <summary>PUT /v1/humans/{id}/availability.</summary>
public sealed record SetAvailabilityRequest(int[]? WorkingDays, string? WorkStart, string? WorkEnd, int[]? MeetingDurations)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public SetAvailabilityCommand ToCommand(Guid organizationId, Guid humanId) => new(
        organizationId,
        humanId,
        WorkingDays ?? [],
        ClockTime.Parse(WorkStart ?? string.Empty, allowEndOfDay: false),
        ClockTime.Parse(WorkEnd ?? string.Empty, allowEndOfDay: true),
        MeetingDurations ?? []);
}
