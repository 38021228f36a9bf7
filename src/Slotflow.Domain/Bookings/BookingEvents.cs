using Slotflow.Domain.Common;

namespace Slotflow.Domain.Bookings;

public sealed record BookingConfirmed(Booking Booking) : IDomainEvent;

public sealed record BookingCancelled(Booking Booking, DateTimeOffset CancelledAt) : IDomainEvent;
