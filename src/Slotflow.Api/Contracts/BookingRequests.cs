using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Wire;
using Slotflow.Application.Bookings.BookFirstAvailable;
using Slotflow.Application.Bookings.CheckSlot;
using Slotflow.Application.Bookings.CreateBooking;
using Slotflow.Application.Bookings.CreatePooledBooking;
using Slotflow.Application.Bookings.ListBookings;
using Slotflow.Application.Bookings.RescheduleBooking;
using Slotflow.Domain.Bookings;

namespace Slotflow.Api.Contracts;

/// <summary>
/// POST /v1/bookings: one human (human_id), or whichever of several is free (human_ids, spec §12). Every field is
/// optional here so the validator can name what is missing.
/// </summary>
public sealed record CreateBookingRequest(
    Guid? HumanId,
    DateTimeOffset? StartsAt,
    int? Duration,
    string? AttendeeName,
    string? AttendeeEmail,
    JsonElement? Metadata,
    IReadOnlyList<Guid>? HumanIds = null)
{
    /// <summary>The pooled booking for a request with human_ids that the validator has accepted.</summary>
    public CreatePooledBookingCommand ToPooledCommand(Guid organizationId) => new(
        organizationId,
        HumanIds ?? [],
        StartsAt.GetValueOrDefault(),
        Duration.GetValueOrDefault(),
        AttendeeName ?? string.Empty,
        AttendeeEmail,
        MetadataText(Metadata));

    /// <summary>The check of the pooled booking this request would make, for a request with human_ids the validator has accepted.</summary>
    public CheckPooledSlotQuery ToPooledCheckQuery(Guid organizationId) =>
        new(organizationId, HumanIds ?? [], StartsAt.GetValueOrDefault(), Duration.GetValueOrDefault());

    /// <summary>A metadata object's JSON text (null or JSON null: none).</summary>
    public static string? MetadataText(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } json ? json.GetRawText() : null;

    /// <summary>The command for a request the validator has accepted.</summary>
    public CreateBookingCommand ToCommand(Guid organizationId) => new(
        organizationId,
        HumanId.GetValueOrDefault(),
        StartsAt.GetValueOrDefault(),
        Duration.GetValueOrDefault(),
        AttendeeName ?? string.Empty,
        AttendeeEmail,
        MetadataText(Metadata));

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

/// <summary>POST /v1/bookings/first-available (spec §12): candidates in order, and the booking each would be.</summary>
public sealed record BookFirstAvailableRequest(
    IReadOnlyList<BookingCandidateRequest?>? Candidates,
    int? Duration,
    string? AttendeeName,
    string? AttendeeEmail,
    JsonElement? Metadata)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public BookFirstAvailableCommand ToCommand(Guid organizationId) => new(
        organizationId,
        [.. (Candidates ?? []).Select(c => new BookingCandidate(c!.HumanId.GetValueOrDefault(), c.StartsAt.GetValueOrDefault()))],
        Duration.GetValueOrDefault(),
        AttendeeName ?? string.Empty,
        AttendeeEmail,
        CreateBookingRequest.MetadataText(Metadata));
}

/// <summary>One candidate of a first-available booking: a human and a start.</summary>
public sealed record BookingCandidateRequest(Guid? HumanId, DateTimeOffset? StartsAt);
