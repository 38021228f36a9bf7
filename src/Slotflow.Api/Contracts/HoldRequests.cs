using System.Text.Json;
using Slotflow.Application.Holds.ConfirmHold;
using Slotflow.Application.Holds.PlaceHold;
using Slotflow.Domain.Holds;

namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/holds (spec §11.1). Every field is optional here so the validator can name what is missing.</summary>
public sealed record PlaceHoldRequest(Guid? HumanId, DateTimeOffset? StartsAt, int? Duration, int? TtlSeconds, JsonElement? Metadata)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public PlaceHoldCommand ToCommand(Guid organizationId) => new(
        organizationId,
        HumanId.GetValueOrDefault(),
        StartsAt.GetValueOrDefault(),
        Duration.GetValueOrDefault(),
        TtlSeconds ?? Hold.DefaultTtlSeconds,
        Metadata is { ValueKind: JsonValueKind.Object } json ? json.GetRawText() : null);
}

/// <summary>POST /v1/holds/{id}/confirm: who the meeting is with, and metadata that replaces the hold's when sent.</summary>
public sealed record ConfirmHoldRequest(string? AttendeeName, string? AttendeeEmail, JsonElement? Metadata)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public ConfirmHoldCommand ToCommand(Guid organizationId, Guid holdId) => new(
        organizationId,
        holdId,
        AttendeeName ?? string.Empty,
        AttendeeEmail,
        Metadata is { ValueKind: JsonValueKind.Object } json ? json.GetRawText() : null);
}
