using System.Text.Json.Serialization;

namespace Slotflow.Api.Errors;

/// <summary>The one error body of the API (spec §3).</summary>
public sealed record ErrorEnvelope(ErrorBody Error);

public sealed record ErrorBody(
    string Code,
    string Message,
    int Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldError>? Details = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AlternativeSlot>? Alternatives = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ConflictingTime? Conflict = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RefusedCandidate>? Candidates = null);

/// <summary>A bookable slot offered instead of a refused interval (spec §11.3); for several humans, who is free for it (§12).</summary>
public sealed record AlternativeSlot(
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Guid>? HumanIds = null);

/// <summary>A candidate of a first-available booking that was not booked, and why (spec §12).</summary>
public sealed record RefusedCandidate(Guid HumanId, DateTimeOffset StartsAt, string Code);

/// <summary>What occupies a refused interval: "booking" (or, with holds, "hold").</summary>
public sealed record ConflictingTime(string Type, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record FieldError(string Field, string Message);
