using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Humans;

/// <summary>Human.Reschedule (spec §11.2): the new interval is judged without the booking itself, and only a move changes anything.</summary>
public sealed class HumanRescheduleTests
{
    // Monday 16 March 2026 in New York (UTC−4); the human works 09:00–17:00 there with 30- and 60-minute meetings.
    private static readonly DateTimeOffset MondayTen = new(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateTimeOffset Now = MondayTen.AddDays(-7);

    [Test]
    public void OverItsOwnInterval_Moves_RaisesRescheduledWithThePrevious_AndBumpsTheToken()
    {
        var (human, booking) = Booked(60);
        var version = human.Version;

        human.Reschedule(booking, [], [booking.Taken], MondayTen.AddMinutes(15), 60, Now);

        var moved = booking.DomainEvents.OfType<BookingRescheduled>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(booking.Interval, Is.EqualTo(new TimeRange(MondayTen.AddMinutes(15), MondayTen.AddMinutes(75))));
            Assert.That((booking.BlockedFrom, booking.BlockedUntil), Is.EqualTo((booking.StartsAt, booking.EndsAt)));
            Assert.That(moved.Previous, Is.EqualTo(new TimeRange(MondayTen, MondayTen.AddMinutes(60))));
            Assert.That(human.Version, Is.EqualTo(version + 1));
        });
    }

    [Test]
    public void ToTheIntervalItHas_ChangesNothing_AndRaisesNothing()
    {
        var (human, booking) = Booked(30);
        var version = human.Version;

        human.Reschedule(booking, [], [booking.Taken], MondayTen, 30, Now);

        Assert.That(booking.DomainEvents.OfType<BookingRescheduled>(), Is.Empty);
        Assert.That(human.Version, Is.EqualTo(version));
    }

    [Test]
    public void IntoAnotherBooking_IsSlotUnavailable_AndTheBookingKeepsItsInterval()
    {
        var (human, booking) = Booked(30);
        var other = TakenTime.Unbuffered(new TimeRange(MondayTen.AddHours(1), MondayTen.AddHours(1).AddMinutes(30)));

        Assert.That(() => human.Reschedule(booking, [], [booking.Taken, other], MondayTen.AddMinutes(45), 30, Now), ThrowsDomainError(ErrorCode.SlotUnavailable));
        Assert.That(booking.StartsAt, Is.EqualTo(MondayTen));
    }

    [Test]
    public void WithBuffers_TheMoveTakesTheBuffersInForceNow()
    {
        var (human, booking) = Booked(30);
        human.SetWorkingHours(WorkingHours.Create(
            [1, 2, 3, 4, 5], ClockTime.FromMinutes(9 * 60), ClockTime.FromMinutes(17 * 60), [30],
            new SchedulingRules(BufferBefore: 10, BufferAfter: 15)));

        human.Reschedule(booking, [], [booking.Taken], MondayTen.AddHours(2), 30, Now);

        Assert.That((booking.BlockedFrom, booking.BlockedUntil), Is.EqualTo((MondayTen.AddHours(2).AddMinutes(-10), MondayTen.AddHours(2).AddMinutes(45))));
    }

    [Test]
    public void ACancelledBooking_IsBookingCancelled()
    {
        var (human, booking) = Booked(30);
        booking.Cancel(Now);

        Assert.That(() => human.Reschedule(booking, [], [], MondayTen.AddHours(2), 30, Now), ThrowsDomainError(ErrorCode.BookingCancelled));
    }

    private static (Human Human, Booking Booking) Booked(int duration)
    {
        var human = Human.Create(Guid.NewGuid(), "Ada", "America/New_York", null, null, Now);
        human.SetWorkingHours(WorkingHours.Create([1, 2, 3, 4, 5], ClockTime.FromMinutes(9 * 60), ClockTime.FromMinutes(17 * 60), [30, 60]));
        var booking = human.Book([], [], MondayTen, duration, "Grace Hopper", null, null, Now);
        booking.ClearDomainEvents();
        return (human, booking);
    }
}
