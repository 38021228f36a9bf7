using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>The zone-free span a slot query reads bookings in must hold every zone's own span.</summary>
public sealed class BookingSpanTests
{
    [TestCase("Pacific/Kiritimati")] // +14:00
    [TestCase("Etc/GMT+12")] // −12:00
    [TestCase("Pacific/Chatham")] // +12:45 / +13:45
    [TestCase("America/New_York")]
    [TestCase("UTC")]
    public void BookingSpanInAnyZone_HoldsTheZonesBookingSpan(string zoneId)
    {
        var from = new DateOnly(2026, 3, 1);
        var to = new DateOnly(2026, 3, 31);

        var zoneSpan = Availability.BookingSpan(IanaTimeZone.Find(zoneId), from, to);

        Assert.That(Availability.BookingSpanInAnyZone(from, to).Contains(zoneSpan), Is.True, $"{zoneSpan} outside");
    }

    [Test]
    public void BookingSpanInAnyZone_IsTwoUtcDaysBeforeAndThreeAfter()
    {
        var span = Availability.BookingSpanInAnyZone(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        Assert.Multiple(() =>
        {
            Assert.That(span.Start, Is.EqualTo(new DateTimeOffset(2026, 2, 27, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(span.End, Is.EqualTo(new DateTimeOffset(2026, 4, 3, 0, 0, 0, TimeSpan.Zero)));
        });
    }
}
