using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Wire;
using Slotflow.Application.Bookings.CheckSlot;
using Slotflow.Application.Bookings.CreateBooking;
using Slotflow.Application.Bookings.ListBookings;
using Slotflow.Application.Bookings.RescheduleBooking;
using Slotflow.Domain.Bookings;

namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/bookings. Every field is optional here so the validator can name what is missing.</summary>
public sealed record CreateBookingRequest(
    Guid? HumanId,
    DateTimeOffset? StartsAt,
    int? Duration,
    string? AttendeeName,
    string? AttendeeEmail,
    JsonElement? Metadata)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public CreateBookingCommand ToCommand(Guid organizationId) => new(
        organizationId,
        HumanId.GetValueOrDefault(),
        StartsAt.GetValueOrDefault(),
        Duration.GetValueOrDefault(),
        AttendeeName ?? string.Empty,
        AttendeeEmail,
        Metadata is { ValueKind: JsonValueKind.Object } json ? json.GetRawText() : null);

    /// <summary>The check of the booking this request would make (POST /v1/bookings/check), for a request the validator has accepted.</summary>
    public CheckSlotQuery ToCheckQuery(Guid organizationId) =>
        new(organizationId, HumanId.GetValueOrDefault(), StartsAt.GetValueOrDefault(), Duration.GetValueOrDefault());
}

/// <summary>GET /v1/bookings. Parameters bind as text so that a malformed one is named by the validator (422).</summary>
public sealed record ListBookingsRequest : PageRequest
{
    [FromQuery(Name = "human_id")]
    public string? HumanId { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "date_from")]
    public string? DateFrom { get; init; }

    [FromQuery(Name = "date_to")]
    public string? DateTo { get; init; }

    /// <summary>The query for a request the validator has accepted.</summary>
    public ListBookingsQuery ToQuery(Guid organizationId) => new(
        organizationId,
        HumanId is null ? null : Guid.Parse(HumanId),
        Status switch { null => null, "confirmed" => BookingStatus.Confirmed, _ => BookingStatus.Cancelled },
        DateFrom is null ? null : BookingBounds.Parse(DateFrom, endOfDay: false),
        DateTo is null ? null : BookingBounds.Parse(DateTo, endOfDay: true),
        Paging.Parse(Limit),
        Paging.Parse(Offset));
}

/// <summary>POST /v1/bookings/{id}/reschedule (spec §11.2): a new start and, optionally, a new duration.</summary>
public sealed record RescheduleBookingRequest(DateTimeOffset? StartsAt, int? Duration)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public RescheduleBookingCommand ToCommand(Guid organizationId, Guid bookingId) =>
        new(organizationId, bookingId, StartsAt.GetValueOrDefault(), Duration);
}
