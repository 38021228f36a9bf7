using Slotflow.Domain.Common;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.DomainAssert;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>ListSlots beyond zones and recurrence: durations, "now", bookings, overlapping windows. New York, EDT (UTC−4).</summary>
public sealed class ListSlotsTests
{
    private const string NewYork = "America/New_York";
    private static readonly DateOnly Monday = Date("2026-03-16");

    [TestCase(45)]
    [TestCase(0)]
    [TestCase(-30)]
    public void ListSlots_WhenDurationIsNotOneOfTheRules_ThrowsInvalidDuration(int duration) =>
        Assert.That(() => Engine(NewYork, NineToFive(30, 60)).ListSlots(Monday, Monday, duration, LongAgo), ThrowsDomainError(ErrorCode.InvalidDuration));

    [Test]
    public void ListSlots_WhenTheHumanHasNoRules_ThrowsInvalidDurationEvenWithAnOpen() =>
        Assert.That(
            () => Engine(NewYork, null, [Open("2026-03-16")]).ListSlots(Monday, Monday, 30, LongAgo),
            ThrowsDomainError(ErrorCode.InvalidDuration));

    [Test]
    public void ListSlots_WithFortyFiveMinutes_StepsFromTheWindowStartAndKeepsOnlyWholeSlots()
    {
        // 09:00–17:00 EDT: 09:00, 09:45, ..., 15:45 (ends 16:30); 16:30 would end at 17:15.
        var slots = Engine(NewYork, NineToFive(30, 45)).ListSlots(Monday, Monday, 45, LongAgo);

        Assert.That(Starts(slots), Is.EqualTo(Every("2026-03-16T13:00Z", "2026-03-16T19:45Z", 45)));
        Assert.That(Format(slots[^1].End), Is.EqualTo("2026-03-16T20:30Z"));
    }

    [Test]
    public void ListSlots_WhenWorkEndsAtMidnight_ListsUpTo2330Local() =>
        Assert.That(
            Starts(Engine(NewYork, Rules([1], "20:00", "24:00", 30)).ListSlots(Monday, Monday, 30, LongAgo)),
            Is.EqualTo(Every("2026-03-17T00:00Z", "2026-03-17T03:30Z", 30)));

    [Test]
    public void ListSlots_WhenNowIsMidDay_DropsSlotsStartingBeforeNow() =>
        // now 11:10 EDT: 11:00 has started; the first slot is 11:30 = 15:30Z.
        Assert.That(
            Starts(Engine(NewYork, NineToFive(30)).ListSlots(Monday, Monday, 30, Utc("2026-03-16T15:10Z"))),
            Is.EqualTo(Every("2026-03-16T15:30Z", "2026-03-16T20:30Z", 30)));

    [Test]
    public void ListSlots_WhenNowIsExactlyASlotStart_KeepsThatSlot() =>
        Assert.That(
            Starts(Engine(NewYork, NineToFive(30)).ListSlots(Monday, Monday, 30, Utc("2026-03-16T15:30Z")))[0],
            Is.EqualTo("2026-03-16T15:30Z"));

    [Test]
    public void ListSlots_WhenNowIsAfterTheRange_ReturnsEmpty() =>
        Assert.That(Engine(NewYork, NineToFive(30)).ListSlots(Monday, Monday, 30, Utc("2026-03-17T00:00Z")), Is.Empty);

    [Test]
    public void ListSlots_OnAWeekendWithoutOpens_ReturnsEmpty() =>
        Assert.That(Engine(NewYork, NineToFive(30)).ListSlots(Date("2026-03-21"), Date("2026-03-22"), 30, LongAgo), Is.Empty);

    [Test]
    public void ListSlots_WithABookingFromTheDayBefore_DropsTheSlotsItStillCovers() =>
        // Booked from Sunday noon UTC to Monday 09:30 EDT.
        Assert.That(
            Starts(Engine(NewYork, NineToFive(30), bookings: [Range("2026-03-15T12:00Z", "2026-03-16T13:30Z")]).ListSlots(Monday, Monday, 30, LongAgo)),
            Is.EqualTo(Every("2026-03-16T13:30Z", "2026-03-16T20:30Z", 30)));

    [Test]
    public void ListSlots_WithABookingOffTheGrid_DropsEverySlotItTouches() =>
        // 10:10–10:50 EDT touches 10:00–10:30 and 10:30–11:00.
        Assert.That(
            Starts(Engine(NewYork, NineToFive(30), bookings: [Range("2026-03-16T14:10Z", "2026-03-16T14:50Z")]).ListSlots(Monday, Monday, 30, LongAgo)),
            Is.EqualTo(Every("2026-03-16T13:00Z", "2026-03-16T13:30Z", 30).Concat(Every("2026-03-16T15:00Z", "2026-03-16T20:30Z", 30))));

    [Test]
    public void ListSlots_WithUnsortedOverlappingBookings_GivesTheSameAnswerAsSortedOnes()
    {
        TimeRange[] bookings =
        [
            Range("2026-03-16T19:00Z", "2026-03-16T20:00Z"),
            Range("2026-03-16T13:30Z", "2026-03-16T14:30Z"),
            Range("2026-03-16T14:00Z", "2026-03-16T15:00Z"),
            Range("2026-03-16T19:30Z", "2026-03-16T19:45Z"),
        ];
        var unsorted = Engine(NewYork, NineToFive(30), bookings: bookings).ListSlots(Monday, Monday, 30, LongAgo);
        var sorted = Engine(NewYork, NineToFive(30), bookings: [.. bookings.OrderBy(b => b.Start)]).ListSlots(Monday, Monday, 30, LongAgo);

        Assert.That(unsorted, Is.EqualTo(sorted));
        Assert.That(
            Starts(unsorted),
            Is.EqualTo(new[] { "2026-03-16T13:00Z" }
                .Concat(Every("2026-03-16T15:00Z", "2026-03-16T18:30Z", 30))
                .Concat(Every("2026-03-16T20:00Z", "2026-03-16T20:30Z", 30))));
    }

    [Test]
    public void ListSlots_CalledTwice_GivesTheSameAnswer()
    {
        var engine = Engine(NewYork, NineToFive(30), [Block("2026-03-17", start: "12:00", end: "13:00")], [Range("2026-03-16T14:00Z", "2026-03-16T14:30Z")]);

        var first = engine.ListSlots(Monday, Date("2026-03-22"), 30, LongAgo);
        var second = engine.ListSlots(Monday, Date("2026-03-22"), 30, LongAgo);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(second, Is.Not.SameAs(first));
    }

    [Test]
    public void ListSlots_WithAnOpenOverlappingWorkingHours_ListsEachInstantOnceInOrder()
    {
        // Open 16:00–18:00 on a working Monday overlaps 16:00–17:00: 16:00 and 16:30 come from both windows.
        var slots = Engine(NewYork, NineToFive(30), [Open("2026-03-16", start: "16:00", end: "18:00")])
            .ListSlots(Date("2026-03-16"), Date("2026-03-16"), 30, LongAgo);

        Assert.That(Starts(slots), Is.EqualTo(Every("2026-03-16T13:00Z", "2026-03-16T21:30Z", 30)));
    }

    [Test]
    public void ListSlots_WithAnOpenOffTheWorkingGrid_ListsBothGridsSorted()
    {
        // Open 09:15–10:15 EDT beside working 09:00–17:00: 09:15 and 09:45 join the working 09:00, 09:30, 10:00 ...
        var slots = Engine(NewYork, NineToFive(30), [Open("2026-03-16", start: "09:15", end: "10:15")])
            .ListSlots(Date("2026-03-16"), Date("2026-03-16"), 30, LongAgo);

        Assert.That(
            Starts(slots).Take(6),
            Is.EqualTo(new[] { "2026-03-16T13:00Z", "2026-03-16T13:15Z", "2026-03-16T13:30Z", "2026-03-16T13:45Z", "2026-03-16T14:00Z", "2026-03-16T14:30Z" }));
        Assert.That(slots, Has.Count.EqualTo(18));
    }
}
