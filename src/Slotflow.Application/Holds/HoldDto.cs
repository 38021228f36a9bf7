using System.Text.Json;
using Slotflow.Application.Bookings;
using Slotflow.Domain.Holds;

namespace Slotflow.Application.Holds;

/// <summary>Hold as on the wire (spec §11.1); <see cref="Status"/> is as of the answer (a held hold past its expiry is "expired").</summary>
public sealed record HoldDto(
    Guid Id,
    Guid HumanId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int DurationMinutes,
    DateTimeOffset ExpiresAt,
    string Status,
    Guid? BookingId,
    JsonElement? Metadata,
    DateTimeOffset CreatedAt)
{
    public static HoldDto From(Hold hold, DateTimeOffset now) => new(
        hold.Id, hold.HumanId, hold.StartsAt, hold.EndsAt, hold.DurationMinutes, hold.ExpiresAt,
        hold.StatusAt(now).ToString().ToLowerInvariant(), hold.BookingId, BookingMapper.ToJson(hold.Metadata), hold.CreatedAt);
}

/// <summary>DELETE /v1/holds/{id}.</summary>
public sealed record ReleasedHoldDto(Guid Id, string Status);

/// <summary>The booking a confirm answers, and whether this confirm made it (201) or an earlier one did (200).</summary>
public sealed record ConfirmedHoldDto(BookingDto Booking, bool Created);
