using BenchmarkDotNet.Attributes;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Benchmarks;

/// <summary>
/// Pooled slots (spec §12, issue 20): 20 humans over 31 days, each the case of <see cref="AvailabilityBenchmarks"/>
/// (Mon–Fri 09:00–17:00 local, 20 overrides, 300 bookings) in one of six zones, against one of them alone: its slot
/// list, and its whole single-human answer (the list and next_available_at from the week after, as
/// GET /v1/humans/{id}/slots computes them).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PooledSlotsBenchmarks
{
    private const int Humans = 20;
    private static readonly string[] Zones = ["America/New_York", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney", "Europe/London"];
    private static readonly DateOnly From = AvailabilityBenchmarks.MonthStart;
    private static readonly DateOnly To = From.AddDays(30);

    private readonly List<(Guid HumanId, Availability Engine)> _pool = [];

    [GlobalSetup]
    public void Setup()
    {
        var rules = WorkingHours.Create([1, 2, 3, 4, 5], ClockTime.Parse("09:00", false), ClockTime.Parse("17:00", true), [30, 60]);
        for (var i = 0; i < Humans; i++)
        {
            var humanId = Guid.NewGuid();
            var zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[i % Zones.Length]);
            var bookings = AvailabilityBenchmarks.CreateBookings(zone, 300);
            _pool.Add((humanId, new Availability(zone, rules, AvailabilityBenchmarks.CreateOverrides(humanId), bookings.ConvertAll(TakenTime.Unbuffered))));
        }
    }

    [Benchmark(Baseline = true, Description = "One human, 31 days: its slot list")]
    public int OneHumansList() => _pool[0].Engine.ListSlots(From, To, 30, AvailabilityBenchmarks.Now).Count;

    [Benchmark(Description = "One human, 31 days: its answer (slot list and next_available_at)")]
    public int OneHumansAnswer()
    {
        var engine = _pool[0].Engine;
        var slots = engine.ListSlots(From, To, 30, AvailabilityBenchmarks.Now);
        return slots.Count + (engine.FirstStartBetween(To, To.AddDays(7), 30, AvailabilityBenchmarks.Now) is null ? 0 : 1);
    }

    [Benchmark(Description = "Pool of 20 humans, 31 days: every slot list and their union")]
    public int Pool() =>
        SlotPool.Union(_pool.Select(h => (h.HumanId, (IReadOnlyList<TimeRange>)h.Engine.ListSlots(From, To, 30, AvailabilityBenchmarks.Now)))).Count;
}
