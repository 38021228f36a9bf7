using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>
/// Zones whose tz rules use negative daylight saving (Europe/Dublin; Africa/Casablanca around Ramadan), where
/// .NET's local-time queries misreport skipped hours: the engine must still follow the real clock.
/// </summary>
public sealed class NegativeDaylightSavingTests
{
    private static readonly DateTimeOffset LongBefore = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Dublin_SpringForward_WindowStartingInTheGap_StartsWhenTheClockJumps()
    {
        // 2027-03-28: 01:00 GMT becomes 02:00 IST. An open 01:00–03:00 local runs from 01:00Z to 02:00Z.
        var availability = OpenWindow("Europe/Dublin", new DateOnly(2027, 3, 28), "01:00", "03:00");

        var slots = availability.ListSlots(new DateOnly(2027, 3, 28), new DateOnly(2027, 3, 28), 30, LongBefore);

        Assert.That(slots.Select(s => s.Start), Is.EqualTo(new[]
        {
            new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero),
        }));
        Assert.That(availability.Check(new DateTimeOffset(2027, 3, 28, 0, 0, 0, TimeSpan.Zero), 30, LongBefore), Is.Not.Null);
    }

    [Test]
    public void Dublin_FallBack_RepeatedHour_MeansItsFirstOccurrence()
    {
        // 2027-10-31: 02:00 IST becomes 01:00 GMT; 01:00–03:00 local runs from 00:00Z (IST) to 03:00Z.
        var availability = OpenWindow("Europe/Dublin", new DateOnly(2027, 10, 31), "01:00", "03:00");

        var slots = availability.ListSlots(new DateOnly(2027, 10, 31), new DateOnly(2027, 10, 31), 60, LongBefore);

        Assert.That(slots.Select(s => s.Start.UtcDateTime.Hour), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void Dublin_SummerAndWinterDays_UseTheirOwnOffsets()
    {
        var summer = OpenWindow("Europe/Dublin", new DateOnly(2027, 7, 1), "09:00", "10:00")
            .ListSlots(new DateOnly(2027, 7, 1), new DateOnly(2027, 7, 1), 60, LongBefore);
        var winter = OpenWindow("Europe/Dublin", new DateOnly(2027, 1, 7), "09:00", "10:00")
            .ListSlots(new DateOnly(2027, 1, 7), new DateOnly(2027, 1, 7), 60, LongBefore);

        Assert.Multiple(() =>
        {
            Assert.That(summer.Single().Start, Is.EqualTo(new DateTimeOffset(2027, 7, 1, 8, 0, 0, TimeSpan.Zero)));
            Assert.That(winter.Single().Start, Is.EqualTo(new DateTimeOffset(2027, 1, 7, 9, 0, 0, TimeSpan.Zero)));
        });
    }

    private static Availability OpenWindow(string zoneId, DateOnly date, string start, string end)
    {
        var rules = WorkingHours.Create([1], ClockTime.Parse("09:00", false), ClockTime.Parse("09:30", true), [30, 60]);
        var open = ScheduleOverride.Create(
            Guid.NewGuid(), OverrideType.Open, "window", date, null,
            (ClockTime.Parse(start, false), ClockTime.Parse(end, true)), null, LongBefore);
        return new Availability(TimeZoneInfo.FindSystemTimeZoneById(zoneId), rules, [open], []);
    }
}
