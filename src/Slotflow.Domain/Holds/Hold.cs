using Slotflow.Domain.Common;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Holds;

/// <summary>
/// A time kept for a booking while an agent asks its user (spec §11.1). Until it expires, is released or is confirmed,
/// it occupies its blocked window for every other booking, hold and slot query; it counts toward no quota or limit.
/// Expiry is by time alone: no job changes the row, every reader compares <see cref="ExpiresAt"/> with now.
/// </summary>
public sealed class Hold
{
    public const int MinTtlSeconds = 30;
    public const int MaxTtlSeconds = 900;
    public const int DefaultTtlSeconds = 300;

    private Hold(
        Guid id, Guid organizationId, Guid humanId, DateTimeOffset startsAt, int durationMinutes, DateTimeOffset expiresAt,
        string? metadata, DateTimeOffset createdAt)
    {
        Id = id;
        OrganizationId = organizationId;
        HumanId = humanId;
        StartsAt = startsAt;
        EndsAt = startsAt.AddMinutes(durationMinutes);
        DurationMinutes = durationMinutes;
        ExpiresAt = expiresAt;
        Metadata = metadata;
        CreatedAt = createdAt;
        Status = HoldStatus.Held;
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Guid HumanId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public int DurationMinutes { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>As stored: held, confirmed or released (see <see cref="StatusAt"/>).</summary>
    public HoldStatus Status { get; private set; }

    /// <summary>The booking a confirm made of it.</summary>
    public Guid? BookingId { get; private set; }

    /// <summary>The metadata JSON object as the client sent it, or null; the booking takes it unless the confirm sends its own.</summary>
    public string? Metadata { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The window it occupies: its interval widened by the buffers in force when it was placed.</summary>
    public DateTimeOffset BlockedFrom { get; private set; }

    public DateTimeOffset BlockedUntil { get; private set; }

    public TimeRange Interval => new(StartsAt, EndsAt);

    /// <summary>How the engine sees it while it occupies its time.</summary>
    public TakenTime Taken => new(Interval, new TimeRange(BlockedFrom, BlockedUntil), Held: true);

    public static bool IsValidTtl(int seconds) => seconds is >= MinTtlSeconds and <= MaxTtlSeconds;

    /// <summary>A hold of an interval the caller has already had judged bookable.</summary>
    public static Hold Place(
        Guid organizationId, Guid humanId, DateTimeOffset startsAt, int durationMinutes, int ttlSeconds, string? metadata,
        DateTimeOffset now, TimeRange blocked)
    {
        if (!IsValidTtl(ttlSeconds))
        {
            throw DomainException.Invalid($"ttl_seconds must be from {MinTtlSeconds} to {MaxTtlSeconds}.");
        }

        if (metadata is not null && System.Text.Encoding.UTF8.GetByteCount(metadata) > Bookings.Booking.MaxMetadataBytes)
        {
            throw DomainException.Invalid("metadata must be at most 16 KiB.");
        }

        var start = startsAt.ToUniversalTime();
        if (!blocked.Contains(new TimeRange(start, start.AddMinutes(durationMinutes))))
        {
            throw new ArgumentException("A hold's blocked window holds its interval.", nameof(blocked));
        }

        var placed = now.ToUniversalTime();
        return new Hold(Guid.NewGuid(), organizationId, humanId, start, durationMinutes, placed.AddSeconds(ttlSeconds), metadata, placed)
        {
            BlockedFrom = blocked.Start,
            BlockedUntil = blocked.End,
        };
    }

    /// <summary>Held until the instant it expires, then expired; confirmed and released stay so.</summary>
    public HoldStatus StatusAt(DateTimeOffset now) => Status == HoldStatus.Held && now >= ExpiresAt ? HoldStatus.Expired : Status;

    /// <summary>Whether it still occupies its time.</summary>
    public bool OccupiesAt(DateTimeOffset now) => StatusAt(now) == HoldStatus.Held;

    /// <summary>Records the booking made of it; the caller made that booking from this hold while it was held.</summary>
    public void Confirm(Guid bookingId, DateTimeOffset now)
    {
        EnsureHeld(now);
        if (Status != HoldStatus.Held)
        {
            throw new InvalidOperationException("Only a held hold is confirmed.");
        }

        Status = HoldStatus.Confirmed;
        BookingId = bookingId;
    }

    /// <summary>Frees its time at once. A released or expired hold stays as it is.</summary>
    /// <returns>Whether this call freed the time.</returns>
    /// <exception cref="DomainException">HOLD_CONFIRMED when it became a booking (cancel the booking instead).</exception>
    public bool Release(DateTimeOffset now)
    {
        if (Status == HoldStatus.Confirmed)
        {
            throw new DomainException(ErrorCode.HoldConfirmed, $"This hold was confirmed as booking {BookingId}; cancel the booking instead.");
        }

        if (StatusAt(now) != HoldStatus.Held)
        {
            return false;
        }

        Status = HoldStatus.Released;
        return true;
    }

    /// <exception cref="DomainException">HOLD_EXPIRED when it expired or was released.</exception>
    public void EnsureHeld(DateTimeOffset now)
    {
        if (StatusAt(now) is HoldStatus.Expired or HoldStatus.Released)
        {
            throw new DomainException(
                ErrorCode.HoldExpired,
                StatusAt(now) == HoldStatus.Released
                    ? "This hold was released; its time is no longer kept. Place a new hold or book."
                    : "This hold expired; its time is no longer kept. Place a new hold or book.");
        }
    }
}
