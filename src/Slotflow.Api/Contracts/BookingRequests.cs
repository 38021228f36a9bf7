using System.Text.Json;

namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/bookings. Every field is optional here so the validator can name what is missing.</summary>
public sealed record CreateBookingRequest(
    Guid? HumanId,
    DateTimeOffset? StartsAt,
    int? Duration,
    string? AttendeeName,
    string? AttendeeEmail,
    JsonElement? Metadata);
