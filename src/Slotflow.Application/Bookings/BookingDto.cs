using System.Text.Json;

namespace Slotflow.Application.Bookings;

/// <summary>Booking as on the wire (spec §4): requests send duration, responses return duration_minutes.</summary>
public sealed record BookingDto(
    Guid Id,
    Guid HumanId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int DurationMinutes,
    string AttendeeName,
    string? AttendeeEmail,
    string Status,
    JsonElement? Metadata,
    DateTimeOffset CreatedAt);

public sealed record BookingListDto(IReadOnlyList<BookingDto> Bookings, int Total, int Limit, int Offset);

public sealed record CancelledBookingDto(Guid Id, string Status);
