using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>Several humans at once (spec §12): one slot list with who is free, the pool's nearest slots, and whom a pooled booking tries first.</summary>
public sealed class SlotPoolTests
{
    private static readonly Guid Anna = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ben = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Cleo = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly DateTimeOffset Ten = new(2026, 3, 16, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Union_ListsEachStartOnce_ByStart_WithTheHumansFreeInThePoolsOrder()
    {
        var union = SlotPool.Union([(Ben, [At(10), At(11)]), (Anna, [At(10), At(12)]), (Cleo, [])]);

        Assert.That(union.Select(s => (s.Slot, s.HumanIds.ToList())), Is.EqualTo(new[]
        {
            (At(10), new List<Guid> { Ben, Anna }),
            (At(11), new List<Guid> { Ben }),
            (At(12), new List<Guid> { Anna }),
        }));
    }

    [Test]
    public void Union_OnRandomSlotLists_IsEveryDistinctSlotInOrder_WithExactlyTheHumansWhoHaveIt()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            var humans = Enumerable.Range(0, random.Next(0, 21))
                .Select(_ => (Guid.NewGuid(), (IReadOnlyList<TimeRange>)[.. Enumerable.Range(0, 40).Where(_ => random.Next(3) == 0)
                    .Select(i => new TimeRange(Ten.AddMinutes(15 * i), Ten.AddMinutes((15 * i) + (random.Next(2) == 0 ? 30 : 60))))
                    .OrderBy(r => r.Start).ThenBy(r => r.End)]))
                .ToList();

            var union = SlotPool.Union(humans);

            var expected = humans.SelectMany(h => h.Item2).Distinct().OrderBy(r => r.Start).ThenBy(r => r.End).ToList();
            Assert.That(union.Select(u => u.Slot), Is.EqualTo(expected), $"seed {seed}");
            Assert.That(
                union.Select(u => u.HumanIds),
                Is.EqualTo(expected.Select(slot => humans.Where(h => h.Item2.Contains(slot)).Select(h => h.Item1).ToList())),
                $"seed {seed}");
        }
    }

    [Test]
    public void Union_OfNobody_IsEmpty() => Assert.That(SlotPool.Union([]), Is.Empty);

    [Test]
    public void Union_KeepsSlotsOfOneStartButOtherEndsApart()
    {
        var union = SlotPool.Union([(Anna, [new TimeRange(Ten, Ten.AddMinutes(30))]), (Ben, [new TimeRange(Ten, Ten.AddMinutes(60))])]);

        Assert.That(union.Select(s => s.Slot.End), Is.EqualTo(new[] { Ten.AddMinutes(30), Ten.AddMinutes(60) }));
    }

    [Test]
    public void Nearest_TakesTheNearestStartsOfThePool_LaterFirstAtEqualDistance_WithEveryoneFreeForThem()
    {
        var nearest = SlotPool.Nearest([(Anna, [At(9), At(11), At(14)]), (Ben, [At(11), At(8), At(13)])], Ten);

        Assert.That(nearest.Select(s => (s.Slot, s.HumanIds.ToList())), Is.EqualTo(new[]
        {
            (At(11), new List<Guid> { Anna, Ben }),
            (At(9), new List<Guid> { Anna }),
            (At(8), new List<Guid> { Ben }),
        }));
    }

    [Test]
    public void FairOrder_PutsFewestBookingsFirst_TiesInTheOrderGiven() =>
        Assert.That(SlotPool.FairOrder([Anna, Ben, Cleo], [2, 1, 1]), Is.EqualTo(new[] { Ben, Cleo, Anna }));

    [Test]
    public void FairOrder_WhenAllAreEqual_IsTheOrderGiven() =>
        Assert.That(SlotPool.FairOrder([Cleo, Anna, Ben], [0, 0, 0]), Is.EqualTo(new[] { Cleo, Anna, Ben }));

    [TestCase("Europe/Berlin", "2026-03-18T12:00:00Z", "2026-03-15T23:00:00Z", "2026-03-22T23:00:00Z")]
    [TestCase("Europe/Berlin", "2026-03-15T22:59:00Z", "2026-03-08T23:00:00Z", "2026-03-15T23:00:00Z")]
    [TestCase("America/New_York", "2026-03-09T03:00:00Z", "2026-03-02T05:00:00Z", "2026-03-09T04:00:00Z")]
    [TestCase("Pacific/Kiritimati", "2026-03-15T10:00:00Z", "2026-03-15T10:00:00Z", "2026-03-22T10:00:00Z")]
    public void IsoWeekOf_IsTheLocalMondayToMonday_AsInstants(string zone, string instant, string start, string end)
    {
        var week = new ZoneClock(TimeZoneInfo.FindSystemTimeZoneById(zone)).IsoWeekOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That((week.Start, week.End), Is.EqualTo((
            DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture))));
    }

    private static TimeRange At(int hour) => new(Ten.AddHours(hour - 10), Ten.AddHours(hour - 10).AddMinutes(30));
}
