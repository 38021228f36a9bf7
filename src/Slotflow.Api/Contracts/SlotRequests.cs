using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Wire;
using Slotflow.Application.Slots.GetPooledSlots;
using Slotflow.Application.Slots.GetSlots;

namespace Slotflow.Api.Contracts;

/// <summary>GET /v1/humans/{id}/slots. Parameters bind as text so that a malformed one is named by the validator (422).</summary>
public record GetSlotsRequest
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

/// <summary>GET /v1/slots?human_ids=… (spec §12): the humans as one comma-separated list, with the dates and duration of one human's slot query.</summary>
public sealed record GetPooledSlotsRequest : GetSlotsRequest
{
    [FromQuery(Name = "human_ids")]
    public string? HumanIds { get; init; }

    /// <summary>The ids as sent, in order; null where one is not a UUID.</summary>
    public IReadOnlyList<Guid?> Ids() => string.IsNullOrEmpty(HumanIds)
        ? []
        : [.. HumanIds.Split(',').Select(id => Guid.TryParseExact(id.Trim(), "D", out var guid) ? guid : (Guid?)null)];

    /// <summary>The query for a request the validator has accepted.</summary>
    public GetPooledSlotsQuery ToQuery(Guid organizationId)
    {
        var one = ToQuery(organizationId, Guid.Empty);
        return new GetPooledSlotsQuery(organizationId, [.. Ids().Select(id => id.GetValueOrDefault())], one.DateFrom, one.DateTo, one.Duration);
    }
}
