using Slotflow.Domain.Common;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Bookings;

/// <summary>A booked interval of one human: its own aggregate, since a human's bookings grow without bound.</summary>
public sealed class Booking : AggregateRoot
{
    public const int MaxAttendeeNameLength = 200;

    public static bool IsValidAttendeeName(string? name) => ReadableText.IsValid(name, MaxAttendeeNameLength);

    /// <summary>Largest metadata object, serialised as UTF-8 (spec §6).</summary>
    public const int MaxMetadataBytes = 16 * 1024;

    private Booking(
        Guid id, Guid organizationId, Guid humanId, DateTimeOffset startsAt, int durationMinutes,
        string attendeeName, string? attendeeEmail, string? metadata, DateTimeOffset createdAt)
    {
        Id = id;
        OrganizationId = organizationId;
        HumanId = humanId;
        StartsAt = startsAt;
        EndsAt = startsAt.AddMinutes(durationMinutes);
        DurationMinutes = durationMinutes;
        AttendeeName = attendeeName;
        AttendeeEmail = attendeeEmail;
        Metadata = metadata;
        CreatedAt = createdAt;
        Status = BookingStatus.Confirmed;
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Guid HumanId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public int DurationMinutes { get; private set; }

    public string AttendeeName { get; private set; }

    public string? AttendeeEmail { get; private set; }

    public BookingStatus Status { get; private set; }

    /// <summary>The metadata JSON object exactly as the client sent it, or null.</summary>
    public string? Metadata { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>
    /// Start of the blocked window: the interval widened by the buffers in force when it was booked (spec §10). Blocked
    /// windows of one human's confirmed bookings never overlap; the database enforces it.
    /// </summary>
    public DateTimeOffset BlockedFrom { get; private set; }

    public DateTimeOffset BlockedUntil { get; private set; }

    public TimeRange Interval => new(StartsAt, EndsAt);

    /// <summary>A confirmed booking; the caller has already had the interval judged bookable.</summary>
    /// <param name="blocked">The window it occupies, holding its interval; null when it has no buffers (its interval).</param>
    public static Booking Confirm(
        Guid organizationId, Guid humanId, DateTimeOffset startsAt, int durationMinutes,
        string attendeeName, string? attendeeEmail, string? metadata, DateTimeOffset now, TimeRange? blocked = null)
    {
        if (!IsValidAttendeeName(attendeeName))
        {
            throw DomainException.Invalid(ReadableText.Message("attendee_name", MaxAttendeeNameLength));
        }

        if (metadata is not null && System.Text.Encoding.UTF8.GetByteCount(metadata) > MaxMetadataBytes)
        {
            throw DomainException.Invalid("metadata must be at most 16 KiB.");
        }

        var interval = new TimeRange(startsAt.ToUniversalTime(), startsAt.ToUniversalTime().AddMinutes(durationMinutes));
        if (blocked is { } window && !window.Contains(interval))
        {
            throw new ArgumentException("A booking's blocked window holds its interval.", nameof(blocked));
        }

        var booking = new Booking(
            Guid.NewGuid(), organizationId, humanId, interval.Start, durationMinutes,
            attendeeName, attendeeEmail, metadata, now.ToUniversalTime())
        {
            BlockedFrom = (blocked ?? interval).Start,
            BlockedUntil = (blocked ?? interval).End,
        };
        booking.Raise(new BookingConfirmed(booking));
        return booking;
    }

    /// <summary>
    /// Moves the booking to a new interval, keeping its id, attendee and metadata; the caller has already had the new
    /// interval judged bookable on the calendar without this booking.
    /// </summary>
    /// <param name="blocked">The window it will occupy, holding the new interval (the buffers in force now).</param>
    /// <returns>False when the booking already has this interval: nothing changes and nothing is raised.</returns>
    /// <exception cref="DomainException">BOOKING_CANCELLED when the booking is cancelled.</exception>
    public bool Reschedule(DateTimeOffset startsAt, int durationMinutes, TimeRange blocked, DateTimeOffset now)
    {
        EnsureConfirmed();
        var interval = new TimeRange(startsAt.ToUniversalTime(), startsAt.ToUniversalTime().AddMinutes(durationMinutes));
        if (!blocked.Contains(interval))
        {
            throw new ArgumentException("A booking's blocked window holds its interval.", nameof(blocked));
        }

        if (interval == Interval)
        {
            return false;
        }

        var previous = Interval;
        (StartsAt, EndsAt, DurationMinutes) = (interval.Start, interval.End, durationMinutes);
        (BlockedFrom, BlockedUntil) = (blocked.Start, blocked.End);
        Raise(new BookingRescheduled(this, previous, now.ToUniversalTime()));
        return true;
    }

    /// <exception cref="DomainException">BOOKING_CANCELLED when the booking is cancelled.</exception>
    public void EnsureConfirmed()
    {
        if (Status == BookingStatus.Cancelled)
        {
            throw new DomainException(ErrorCode.BookingCancelled, "This booking is cancelled; book a new time instead.");
        }
    }

    /// <summary>How the engine sees this booking.</summary>
    public TakenTime Taken => new(StartsAt, EndsAt, BlockedFrom, BlockedUntil);

    /// <summary>Frees the interval. Cancelling a cancelled booking changes nothing and raises no second event.</summary>
    public bool Cancel(DateTimeOffset now)
    {
        if (Status == BookingStatus.Cancelled)
        {
            return false;
        }

        Status = BookingStatus.Cancelled;
        var cancelledAt = now.ToUniversalTime();
        CancelledAt = cancelledAt;
        Raise(new BookingCancelled(this, cancelledAt));
        return true;
    }
}
