using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
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
