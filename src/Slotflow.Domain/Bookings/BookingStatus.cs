namespace Slotflow.Domain.Bookings;

public enum BookingStatus
{
    Confirmed,
    Cancelled,
}
