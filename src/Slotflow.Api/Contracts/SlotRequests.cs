using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Wire;
using Slotflow.Application.Slots.GetSlots;

namespace Slotflow.Api.Contracts;

/// <summary>GET /v1/humans/{id}/slots. Parameters bind as text so that a malformed one is named by the validator (422).</summary>
public sealed record GetSlotsRequest
{
    [FromQuery(Name = "date_from")]
    public string? DateFrom { get; init; }

    [FromQuery(Name = "date_to")]
    public string? DateTo { get; init; }

    [FromQuery(Name = "duration")]
    public string? Duration { get; init; }

    /// <summary>The query for a request the validator has accepted.</summary>
    public GetSlotsQuery ToQuery(Guid organizationId, Guid humanId) => new(
        organizationId,
        humanId,
        WireDate.Parse(DateFrom ?? string.Empty),
        WireDate.Parse(DateTo ?? string.Empty),
        int.Parse(Duration ?? string.Empty, NumberStyles.None, CultureInfo.InvariantCulture));
}
