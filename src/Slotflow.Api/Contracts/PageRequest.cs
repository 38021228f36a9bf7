using Microsoft.AspNetCore.Mvc;

namespace Slotflow.Api.Contracts;

/// <summary>limit and offset of a list, bound as text so that a malformed one is named by the validator (422).</summary>
public abstract record PageRequest
{
    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "offset")]
    public string? Offset { get; init; }
}
