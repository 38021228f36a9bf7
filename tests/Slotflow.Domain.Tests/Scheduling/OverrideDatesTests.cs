using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>
/// The repository loads only the overrides whose span meets <see cref="Availability.OverrideDatesForSlots"/> or
/// <see cref="Availability.OverrideDatesForCheck"/>. An engine given only those must answer exactly as one given the
/// whole history, in the zones farthest from UTC either way, with one-off blocks and opens on every date around.
/// </summary>
public sealed class OverrideDatesTests
{
    private static readonly string[] Zones = ["Pacific/Kiritimati", "Etc/GMT+12", "America/Los_Angeles", "Pacific/Chatham", "UTC"];
    private static readonly DateOnly Center = new(2026, 3, 18);

    [Test]
    public void Check_WithOnlyTheOverridesOfItsDates_AnswersAsWithTheWholeHistory([ValueSource(nameof(Zones))] string zone, [Range(1, 5)] int seed)
    {
        var history = History(new Random(seed));
        var everything = Engine(zone, Rules([1, 2, 3, 4, 5, 6, 7], "06:00", "22:00", 30, 60), history);

        for (var start = Utc("2026-03-15T00:00Z"); start < Utc("2026-03-22T00:00Z"); start = start.AddMinutes(30))
        {
            foreach (var duration in new[] { 30, 60 })
            {
                var (first, last) = Availability.OverrideDatesForCheck(new TimeRange(start, start.AddMinutes(duration)));
                var loaded = Engine(zone, Rules([1, 2, 3, 4, 5, 6, 7], "06:00", "22:00", 30, 60), [.. history.Where(o => o.MayOccurBetween(first, last))]);

                Assert.That(loaded.Check(start, duration, LongAgo), Is.EqualTo(everything.Check(start, duration, LongAgo)), $"{zone} seed {seed}: {Format(start)} for {duration}");
            }
        }
    }

    [Test]
    public void ListSlots_WithOnlyTheOverridesOfItsDates_ListsAsWithTheWholeHistory([ValueSource(nameof(Zones))] string zone, [Range(1, 5)] int seed)
    {
        var history = History(new Random(seed));
        var (first, last) = Availability.OverrideDatesForSlots(Center, Center.AddDays(2));
        var loaded = history.Where(o => o.MayOccurBetween(first, last)).ToList();

        Assert.That(loaded, Has.Count.LessThan(history.Count), "the history reaches beyond the dates");
        Assert.That(
            Starts(Engine(zone, NineToFive(30), loaded).ListSlots(Center, Center.AddDays(2), 30, LongAgo)),
            Is.EqualTo(Starts(Engine(zone, NineToFive(30), history).ListSlots(Center, Center.AddDays(2), 30, LongAgo))));
    }

    /// <summary>One-off blocks and opens, all day and timed (late evening and early morning too), on every date of three weeks.</summary>
    private static List<ScheduleOverride> History(Random random)
    {
        var history = new List<ScheduleOverride>();
        for (var date = Center.AddDays(-10); date <= Center.AddDays(10); date = date.AddDays(1))
        {
            var text = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < 2; i++)
            {
                var type = random.Next(2) == 0 ? OverrideType.Block : OverrideType.Open;
                var startMinute = random.Next(0, 24 * 2) * 30;
                var endMinute = Math.Min(24 * 60, startMinute + (random.Next(1, 8) * 30));
                history.Add(random.Next(4) == 0
                    ? Override(type, text)
                    : Override(type, text, start: Clock(startMinute), end: Clock(endMinute)));
            }
        }

        return history;
    }

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
