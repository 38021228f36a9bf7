using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>
/// The example of issue 3: America/New_York (EDT, UTC−4, that week), Mon–Fri 09:00–17:00, 30-minute meetings,
/// a booking Monday 10:00–10:30, a weekly Tuesday 14:00–15:00 block and a Saturday 10:00–14:00 open.
/// </summary>
public sealed class DocumentedExampleTests
{
    private static readonly DateOnly Monday = Date("2026-03-16");
    private static readonly DateOnly Sunday = Date("2026-03-22");

    private static List<TimeRange> Slots() =>
        Engine(
                "America/New_York",
                NineToFive(30),
                [
                    Block("2026-03-03", start: "14:00", end: "15:00", recurrence: RecurrenceRule.Weekly(1, [2])),
                    Open("2026-03-21", start: "10:00", end: "14:00"),
                ],
                [Range("2026-03-16T14:00Z", "2026-03-16T14:30Z")])
            .ListSlots(Monday, Sunday, 30, LongAgo);

    [Test]
    public void ListSlots_ForTheDocumentedWeek_CountsFifteenFourteenSixteenSixteenSixteenEightZero() =>
        Assert.That(CountPerLocalDate(Zone("America/New_York"), Slots(), Monday, Sunday), Is.EqualTo(new[] { 15, 14, 16, 16, 16, 8, 0 }));

    [Test]
    public void ListSlots_ForTheDocumentedWeek_ReturnsTheseExactUtcInstants()
    {
        string[] expected =
        [
            // Monday 09:00–17:00 EDT = 13:00Z–21:00Z, without the booked 14:00Z.
            .. Every("2026-03-16T13:00Z", "2026-03-16T13:30Z", 30),
            .. Every("2026-03-16T14:30Z", "2026-03-16T20:30Z", 30),
            // Tuesday without the block 14:00–15:00 EDT = 18:00Z–19:00Z.
            .. Every("2026-03-17T13:00Z", "2026-03-17T17:30Z", 30),
            .. Every("2026-03-17T19:00Z", "2026-03-17T20:30Z", 30),
            .. Every("2026-03-18T13:00Z", "2026-03-18T20:30Z", 30),
            .. Every("2026-03-19T13:00Z", "2026-03-19T20:30Z", 30),
            .. Every("2026-03-20T13:00Z", "2026-03-20T20:30Z", 30),
            // Saturday open 10:00–14:00 EDT = 14:00Z–18:00Z.
            .. Every("2026-03-21T14:00Z", "2026-03-21T17:30Z", 30),
        ];

        var slots = Slots();

        Assert.That(Starts(slots), Is.EqualTo(expected));
        Assert.That(slots, Has.Count.EqualTo(85));
        Assert.That(slots.Select(s => s.End - s.Start), Is.All.EqualTo(TimeSpan.FromMinutes(30)));
        Assert.That(slots.Select(s => s.Start.Offset), Is.All.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void ListSlots_OnTheDocumentedMonday_StartsAt1300ZEndsAt2030ZAndSkipsTheBooked1400Z()
    {
        var monday = Slots().Where(s => s.Start < Utc("2026-03-17T04:00Z")).ToList();

        Assert.That(Format(monday[0].Start), Is.EqualTo("2026-03-16T13:00Z"));
        Assert.That(Format(monday[^1].Start), Is.EqualTo("2026-03-16T20:30Z"));
        Assert.That(Format(monday[^1].End), Is.EqualTo("2026-03-16T21:00Z"));
        Assert.That(Starts(monday), Does.Not.Contain("2026-03-16T14:00Z"));
    }
}
