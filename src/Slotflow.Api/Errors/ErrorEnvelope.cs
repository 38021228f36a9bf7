using System.Text.Json.Serialization;

namespace Slotflow.Api.Errors;

/// <summary>The one error body of the API (spec §3).</summary>
public sealed record ErrorEnvelope(ErrorBody Error);

public sealed record ErrorBody(
    string Code,
    string Message,
    int Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldError>? Details = null);

public sealed record FieldError(string Field, string Message);
