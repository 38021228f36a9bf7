using BenchmarkDotNet.Attributes;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Benchmarks;

/// <summary>
/// The slot engine for a human at the override cap (1,000) against the same human with none: America/New_York,
/// Mon–Fri 09:00–17:00, 30-minute meetings, one confirmed booking. The overrides are a seeded mix over three years
/// around the queried month: 700 one-offs (timed and all-day, single dates and ranges), 200 weekly and 100 monthly
/// series, blocks and opens, about half of the series ended before the month.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OverrideCapBenchmarks
{
    private static readonly DateOnly MonthStart = new(2026, 3, 1);
    private static readonly DateTimeOffset Now = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private Availability _availability = null!;
    private DateTimeOffset _checkedStart;

    [Params(0, Human.MaxOverrides)]
    public int Overrides { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var rules = WorkingHours.Create([1, 2, 3, 4, 5], ClockTime.Parse("09:00", false), ClockTime.Parse("17:00", true), [30, 60]);
        var clock = new ZoneClock(zone);
        var bookingStart = clock.ToInstant(new DateOnly(2026, 3, 17), 10 * 60, null);
        _availability = new Availability(zone, rules, CreateOverrides(Guid.NewGuid(), Overrides), [TakenTime.Unbuffered(new TimeRange(bookingStart, bookingStart.AddMinutes(30)))]);

        // The booking decision for the month's last free half hour: the end of the slot list, so nothing short-circuits early.
        var slots = _availability.ListSlots(MonthStart, MonthStart.AddDays(30), 30, Now);
        _checkedStart = slots.Count > 0 ? slots[^1].Start : bookingStart;
    }

    [Benchmark(Description = "ListSlots, 31 days")]
    public int Month() => _availability.ListSlots(MonthStart, MonthStart.AddDays(30), 30, Now).Count;

    [Benchmark(Description = "Check, one booking")]
    public object? Check() => _availability.Check(_checkedStart, 30, Now);

    private static List<ScheduleOverride> CreateOverrides(Guid humanId, int count)
    {
        var random = new Random(20260301);
        var first = new DateOnly(2025, 1, 1);
        var created = DateTimeOffset.UnixEpoch;
        var overrides = new List<ScheduleOverride>(count);
        for (var i = 0; i < count; i++)
        {
            var type = random.Next(4) == 0 ? OverrideType.Open : OverrideType.Block;
            var start = first.AddDays(random.Next(3 * 365));
            var startMinute = random.Next(7 * 4, 19 * 4) * 15;
            (ClockTime, ClockTime)? window = random.Next(5) == 0
                ? null
                : (ClockTime.FromMinutes(startMinute), ClockTime.FromMinutes(startMinute + (random.Next(1, 9) * 15)));
            var kind = i % 10;
            if (kind < 7)
            {
                DateOnly? end = random.Next(6) == 0 ? start.AddDays(random.Next(1, 10)) : null;
                overrides.Add(ScheduleOverride.Create(humanId, type, $"One-off {i}", start, end, window, null, created));
                continue;
            }

            // Series start up to two years before the month; about half have ended before it.
            var seriesStart = first.AddDays(random.Next(2 * 365));
            DateOnly? seriesEnd = random.Next(2) == 0 ? seriesStart.AddDays(random.Next(30, 300)) : null;
            var rule = kind < 9
                ? RecurrenceRule.Weekly(random.Next(1, 5), [random.Next(1, 8)])
                : random.Next(2) == 0
                    ? RecurrenceRule.MonthlyOnDay(random.Next(1, 4), random.Next(1, 32))
                    : RecurrenceRule.MonthlyOnWeekday(1, random.Next(1, 6), random.Next(1, 8));
            overrides.Add(ScheduleOverride.Create(humanId, type, $"Series {i}", seriesStart, seriesEnd, window, rule, created));
        }

        return overrides;
    }
}
