using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Bookings;

public interface IBookingRepository
{
    void Add(Booking booking);

    /// <summary>A booking of the organization, tracked for changes.</summary>
    Task<Booking?> FindAsync(Guid organizationId, Guid bookingId, CancellationToken cancellationToken);

    /// <summary>The same lookup, untracked.</summary>
    Task<Booking?> ReadAsync(Guid organizationId, Guid bookingId, CancellationToken cancellationToken);

    /// <summary>A page of the organization's bookings, newest start first, and how many match in all.</summary>
    Task<(IReadOnlyList<Booking> Page, int Total)> ListAsync(BookingFilter filter, CancellationToken cancellationToken);

    /// <summary>The confirmed bookings of these humans that start within <paramref name="starts"/>: whose, and when.</summary>
    Task<List<BookedStart>> ListConfirmedStartsAsync(IReadOnlyCollection<Guid> humanIds, TimeRange starts, CancellationToken cancellationToken);
}

/// <summary>A confirmed booking's human and start, for counting bookings per human.</summary>
public sealed record BookedStart(Guid HumanId, DateTimeOffset StartsAt);

/// <summary>Filters of GET /v1/bookings; bounds are instants (a date bound is its UTC day's edge).</summary>
public sealed record BookingFilter(
    Guid OrganizationId, Guid? HumanId, BookingStatus? Status, DateTimeOffset? StartsFrom, DateTimeOffset? StartsBefore, int Limit, int Offset);
