using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Holds;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Humans;

/// <summary>A bookable person: the consistency boundary for their calendar.</summary>
public sealed class Human
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxRoleLength = 200;

    /// <summary>Schedule overrides one human may have: every slot query and booking works through them all.</summary>
    public const int MaxOverrides = 1000;

    /// <summary>
    /// Unexpired holds one human may have at once (spec §11.1), so an organization holds at most this many times its
    /// plan's human cap; a hold lasts at most <see cref="Hold.MaxTtlSeconds"/>.
    /// </summary>
    public const int MaxActiveHolds = 10;

    public static string OverrideCapMessage => $"A human can have at most {MaxOverrides} schedule overrides; delete some first.";

    private readonly List<ScheduleOverride> _overrides = [];

    private Human(Guid id, Guid organizationId, string name, string timeZoneId, string? email, string? role, DateTimeOffset createdAt)
    {
        Id = id;
        OrganizationId = organizationId;
        Name = name;
        TimeZoneId = timeZoneId;
        Email = email;
        Role = role;
        CreatedAt = createdAt;
        Active = true;
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Name { get; private set; }

    public string? Email { get; private set; }

    public string? Role { get; private set; }

    /// <summary>IANA id; every wall-clock rule of this human is read in it.</summary>
    public string TimeZoneId { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Null until availability is first set.</summary>
    public WorkingHours? WorkingHours { get; private set; }

    /// <summary>Block and open overrides; loaded only where a use case needs them.</summary>
    public IReadOnlyList<ScheduleOverride> Overrides => _overrides;

    /// <summary>Concurrency token: every change to this human's calendar bumps it.</summary>
    public int Version { get; private set; }

    /// <summary>Bumped by every override added or removed (and by nothing else), so a copy of the overrides read at one
    /// value is known to be current wherever the human row shows that value.</summary>
    public int OverridesVersion { get; private set; }

    /// <summary>
    /// The latest expiry of any hold placed on this human, or null: until then, reads of its calendar also read its
    /// holds; after it, none can be unexpired, so the bookings alone are its taken time.
    /// </summary>
    public DateTimeOffset? HoldsUntil { get; private set; }

    public static bool IsValidName(string? name) => ReadableText.IsValid(name, MaxNameLength);

    /// <summary>No role (null or ""), or one a person can read.</summary>
    public static bool IsValidRole(string? role) => string.IsNullOrEmpty(role) || ReadableText.IsValid(role, MaxRoleLength);

    /// <summary>One plain address ("user@example.com"): no display name, no spaces.</summary>
    public static bool IsValidEmail(string? email) =>
        email is { Length: > 0 and <= MaxEmailLength }
        && !email.Any(char.IsWhiteSpace)
        && System.Net.Mail.MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    public static Human Create(Guid organizationId, string name, string timeZoneId, string? email, string? role, DateTimeOffset now)
    {
        if (!IsValidName(name))
        {
            throw DomainException.Invalid(ReadableText.Message("name", MaxNameLength));
        }

        if (!IanaTimeZone.IsValid(timeZoneId))
        {
            throw DomainException.Invalid($"timezone '{timeZoneId}' is not a valid IANA time zone.");
        }

        if (email is not null && !IsValidEmail(email))
        {
            throw DomainException.Invalid($"email must be a valid email address of at most {MaxEmailLength} characters.");
        }

        if (!IsValidRole(role))
        {
            throw DomainException.Invalid(ReadableText.Message("role", MaxRoleLength));
        }

        return new Human(Guid.NewGuid(), organizationId, name, timeZoneId, email, role, now.ToUniversalTime());
    }

    public void SetWorkingHours(WorkingHours workingHours)
    {
        EnsureActive();
        WorkingHours = workingHours;
        Version++;
    }

    /// <param name="overrideCount">
    /// How many overrides the human has now, counted after this human was read: the token bump then makes a racing
    /// add or delete conflict, so the count that decided is still true when the change commits.
    /// </param>
    public ScheduleOverride AddOverride(
        int overrideCount, OverrideType type, string? title, DateOnly startDate, DateOnly? endDate,
        (ClockTime Start, ClockTime End)? window, RecurrenceRule? recurrence, DateTimeOffset now)
    {
        EnsureActive();
        if (overrideCount >= MaxOverrides)
        {
            throw DomainException.Invalid(OverrideCapMessage);
        }

        var added = ScheduleOverride.Create(Id, type, title, startDate, endDate, window, recurrence, now);
        _overrides.Add(added);
        Version++;
        OverridesVersion++;
        return added;
    }

    /// <summary>Hard delete of one override; needs <see cref="Overrides"/> loaded.</summary>
    public void RemoveOverride(Guid overrideId)
    {
        EnsureActive();
        var removed = _overrides.Find(o => o.Id == overrideId) ?? throw DomainException.NotFound("Override");
        _overrides.Remove(removed);
        Version++;
        OverridesVersion++;
    }

    /// <summary>
    /// Books the interval if this human's rules allow it, in the spec's order, on <paramref name="overrides"/> (its
    /// overrides, or a copy kept at its overrides version) next to <paramref name="taken"/> (its confirmed bookings
    /// near the interval, and of its week when it has limits); otherwise refuses with the code (<see cref="Availability.Check"/>). Booking bumps the
    /// human's token, so a racing booking of this human conflicts and is decided again against this one.
    /// </summary>
    public Booking Book(
        IReadOnlyList<ScheduleOverride> overrides, IReadOnlyList<TakenTime> taken, DateTimeOffset startsAt, int durationMinutes,
        string attendeeName, string? attendeeEmail, string? metadata, DateTimeOffset now)
    {
        EnsureActive();
        if (RefusalOf(overrides, taken, startsAt, durationMinutes, now) is { } refusal)
        {
            throw new DomainException(refusal, RefusalMessages.For(refusal));
        }

        var blocked = Availability.BlockedWindow(new TimeRange(startsAt, startsAt.AddMinutes(durationMinutes)), WorkingHours);
        var booking = Booking.Confirm(OrganizationId, Id, startsAt, durationMinutes, attendeeName, attendeeEmail, metadata, now, blocked);
        NoteBookingChange();
        return booking;
    }

    /// <summary>
    /// Keeps the interval for a later confirm (spec §11.1) if a booking of it would be accepted now (every rule of
    /// <see cref="Book"/>, limits included, as a hold that could never be confirmed helps nobody), then if the human has
    /// fewer than <see cref="MaxActiveHolds"/> unexpired holds (402 LIMIT_REACHED). Bumps the token like a booking.
    /// </summary>
    /// <param name="activeHolds">The human's unexpired holds, counted while this human is locked.</param>
    public Hold PlaceHold(
        IReadOnlyList<ScheduleOverride> overrides, IReadOnlyList<TakenTime> taken, DateTimeOffset startsAt, int durationMinutes, int ttlSeconds,
        string? metadata, int activeHolds, DateTimeOffset now)
    {
        EnsureActive();
        if (RefusalOf(overrides, taken, startsAt, durationMinutes, now) is { } refusal)
        {
            throw new DomainException(refusal, RefusalMessages.For(refusal));
        }

        if (activeHolds >= MaxActiveHolds)
        {
            throw new DomainException(
                ErrorCode.LimitReached, $"A human can have at most {MaxActiveHolds} unexpired holds; confirm or release one first.");
        }

        var blocked = Availability.BlockedWindow(new TimeRange(startsAt, startsAt.AddMinutes(durationMinutes)), WorkingHours);
        var hold = Hold.Place(OrganizationId, Id, startsAt, durationMinutes, ttlSeconds, metadata, now, blocked);
        HoldsUntil = HoldsUntil > hold.ExpiresAt ? HoldsUntil : hold.ExpiresAt;
        NoteBookingChange();
        return hold;
    }

    /// <summary>
    /// Turns an unexpired hold into a confirmed booking of the same interval and blocked window, so the time is never
    /// free in between (spec §11.1). The daily and weekly limits apply here (the hold counted toward none); the rest
    /// was judged when it was placed, and the hold kept the time since. Bumps the token like a booking.
    /// </summary>
    /// <param name="taken">The human's bookings and holds around the hold, as for <see cref="Book"/>.</param>
    /// <exception cref="DomainException">HOLD_EXPIRED when it expired or was released; BOOKING_LIMIT_REACHED.</exception>
    public Booking ConfirmHold(
        Hold hold, IReadOnlyList<TakenTime> taken, string attendeeName, string? attendeeEmail, string? metadata, DateTimeOffset now)
    {
        EnsureActive();
        if (hold.HumanId != Id)
        {
            throw new ArgumentException("The hold is another human's.", nameof(hold));
        }

        hold.EnsureHeld(now);
        if (Availability.For(new HumanCalendar(this, []), taken).LimitRefusal(hold.StartsAt) is { } limit)
        {
            throw new DomainException(limit, RefusalMessages.For(limit));
        }

        var booking = Booking.Confirm(
            OrganizationId, Id, hold.StartsAt, hold.DurationMinutes, attendeeName, attendeeEmail, metadata ?? hold.Metadata, now,
            new TimeRange(hold.BlockedFrom, hold.BlockedUntil));
        hold.Confirm(booking.Id, now);
        NoteBookingChange();
        return booking;
    }

    /// <summary>Frees a held time at once; a released or expired hold changes nothing (HOLD_CONFIRMED for a confirmed one).</summary>
    public void ReleaseHold(Hold hold, DateTimeOffset now)
    {
        if (hold.Release(now))
        {
            NoteBookingChange();
        }
    }

    /// <summary>
    /// Moves one of this human's confirmed bookings (spec §11.2): the new interval is judged by every rule of
    /// <see cref="Book"/> on the calendar without the booking itself (so it may overlap its own old interval, and it
    /// does not count toward its own limits), and it takes the buffers in force now. Bumps the token like a booking; the booking's own interval again changes nothing.
    /// </summary>
    /// <param name="taken">As for <see cref="Book"/>, around the new interval; the booking itself is left out here.</param>
    public void Reschedule(
        Booking booking, IReadOnlyList<ScheduleOverride> overrides, IReadOnlyList<TakenTime> taken, DateTimeOffset startsAt, int durationMinutes,
        DateTimeOffset now)
    {
        EnsureActive();
        if (booking.HumanId != Id)
        {
            throw new ArgumentException("The booking is another human's.", nameof(booking));
        }

        booking.EnsureConfirmed();
        if (RefusalOf(overrides, Without(taken, booking.Taken), startsAt, durationMinutes, now) is { } refusal)
        {
            throw new DomainException(refusal, RefusalMessages.For(refusal));
        }

        var blocked = Availability.BlockedWindow(new TimeRange(startsAt, startsAt.AddMinutes(durationMinutes)), WorkingHours);
        if (booking.Reschedule(startsAt, durationMinutes, blocked, now))
        {
            NoteBookingChange();
        }
    }

    /// <summary>The taken times without one booking's (blocked windows of confirmed bookings never overlap, so its window names it).</summary>
    public static List<TakenTime> Without(IReadOnlyList<TakenTime> taken, TakenTime own)
    {
        var rest = new List<TakenTime>(taken.Count);
        rest.AddRange(taken.Where(t => t != own));
        return rest;
    }

    /// <summary>The refusal <see cref="Book"/> would answer for the interval, in the same order; null if it would book.</summary>
    public ErrorCode? RefusalOf(
        IReadOnlyList<ScheduleOverride> overrides, IReadOnlyList<TakenTime> taken, DateTimeOffset startsAt, int durationMinutes, DateTimeOffset now) =>
        Availability.For(new HumanCalendar(this, overrides), taken).Check(startsAt, durationMinutes, now);

    /// <summary>
    /// Marks a change to this human's bookings: the token bump makes two racing bookings of one human conflict,
    /// so the later one is decided again against the earlier one.
    /// </summary>
    public void NoteBookingChange() => Version++;

    /// <summary>Soft delete: the human stops being bookable and listed; bookings are kept.</summary>
    public void Deactivate()
    {
        EnsureActive();
        Active = false;
        Version++;
    }

    private void EnsureActive()
    {
        if (!Active)
        {
            throw DomainException.NotFound("Human");
        }
    }
}
