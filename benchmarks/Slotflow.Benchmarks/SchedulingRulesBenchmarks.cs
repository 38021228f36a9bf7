using BenchmarkDotNet.Attributes;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Benchmarks.AvailabilityBenchmarks;

namespace Slotflow.Benchmarks;

/// <summary>
/// The cost of the rules of spec §10 (issue 18): the slot engine's month case (31 days, 300 bookings, 20 overrides)
/// with the rules off (the baseline) and with buffers, notice, horizon and daily and weekly limits on, in one run so
/// that only the ratio counts on a noisy machine. The bookings were made under the same buffers, so their blocked
/// windows are wider than their intervals, and the limits are high enough that no day is skipped whole.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SchedulingRulesBenchmarks
{
    private static readonly SchedulingRules On = new(
        BufferBefore: 10, BufferAfter: 5, MinimumNotice: 240, BookingHorizonDays: 90, DailyBookingLimit: 20, WeeklyBookingLimit: 100);

    private Availability _off = null!;
    private Availability _on = null!;

    [GlobalSetup]
    public void Setup()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var overrides = CreateOverrides(Guid.NewGuid());
        var bookings = CreateBookings(zone, 300);
        _off = new Availability(zone, Rules(SchedulingRules.None), overrides, bookings.ConvertAll(TakenTime.Unbuffered));
        _on = new Availability(
            zone, Rules(On), overrides,
            bookings.ConvertAll(b => new TakenTime(b, new TimeRange(b.Start.AddMinutes(-On.BufferBefore), b.End.AddMinutes(On.BufferAfter)))));
    }

    [Benchmark(Baseline = true, Description = "ListSlots, 31 days, rules off")]
    public int RulesOff() => _off.ListSlots(MonthStart, MonthStart.AddDays(30), 30, Now).Count;

    [Benchmark(Description = "ListSlots, 31 days, buffers + notice + horizon + limits")]
    public int RulesOn() => _on.ListSlots(MonthStart, MonthStart.AddDays(30), 30, Now).Count;

    private static WorkingHours Rules(SchedulingRules rules) =>
        WorkingHours.Create([1, 2, 3, 4, 5], ClockTime.Parse("09:00", false), ClockTime.Parse("17:00", true), [30, 60], rules);
}
