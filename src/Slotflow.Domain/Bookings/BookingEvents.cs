using Slotflow.Domain.Common;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Bookings;

public sealed record BookingConfirmed(Booking Booking) : IDomainEvent;

public sealed record BookingCancelled(Booking Booking, DateTimeOffset CancelledAt) : IDomainEvent;

/// <summary>The booking moved to a new interval; <paramref name="Previous"/> is the interval it had (spec §11.2).</summary>
public sealed record BookingRescheduled(Booking Booking, TimeRange Previous, DateTimeOffset RescheduledAt) : IDomainEvent;
