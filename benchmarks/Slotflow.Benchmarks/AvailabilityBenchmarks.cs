using BenchmarkDotNet.Attributes;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Benchmarks;

/// <summary>
/// The slot engine on the case: one human in America/New_York (the month includes the March DST change),
/// Mon–Fri 09:00–17:00, 30-minute meetings, 20 overrides (some recurring) and 300 confirmed bookings.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AvailabilityBenchmarks
{
    internal static readonly DateOnly MonthStart = new(2026, 3, 1);
    internal static readonly DateTimeOffset Now = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private Availability _availability = null!;
    private DateTimeOffset _bookedStart;
    private DateTimeOffset _freeStart;

    [GlobalSetup]
    public void Setup()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var rules = WorkingHours.Create([1, 2, 3, 4, 5], ClockTime.Parse("09:00", false), ClockTime.Parse("17:00", true), [30, 60]);
        var humanId = Guid.NewGuid();
        var overrides = CreateOverrides(humanId);
        var bookings = CreateBookings(zone, 300);
        _availability = new Availability(zone, rules, overrides, bookings.ConvertAll(TakenTime.Unbuffered));
        _bookedStart = bookings[150].Start;
        _freeStart = _availability.ListSlots(MonthStart, MonthStart.AddDays(30), 30, Now)[0].Start;
    }

    [Benchmark(Description = "ListSlots, 31 days")]
    public int Month() => _availability.ListSlots(MonthStart, MonthStart.AddDays(30), 30, Now).Count;

    [Benchmark(Description = "ListSlots, 92 days")]
    public int Quarter() => _availability.ListSlots(MonthStart, MonthStart.AddDays(91), 30, Now).Count;

    [Benchmark(Description = "Check, free interval")]
    public object? CheckFree() => _availability.Check(_freeStart, 30, Now);

    [Benchmark(Description = "Check, booked interval")]
    public object? CheckBooked() => _availability.Check(_bookedStart, 30, Now);

    internal static List<ScheduleOverride> CreateOverrides(Guid humanId)
    {
        var created = DateTimeOffset.UnixEpoch;
        (ClockTime, ClockTime) Window(string start, string end) => (ClockTime.Parse(start, false), ClockTime.Parse(end, true));
        var overrides = new List<ScheduleOverride>
        {
            ScheduleOverride.Create(humanId, OverrideType.Block, "Standup", MonthStart, null, Window("09:00", "09:30"), RecurrenceRule.Weekly(1, [1, 3, 5]), created),
            ScheduleOverride.Create(humanId, OverrideType.Block, "1:1", MonthStart, null, Window("14:00", "15:00"), RecurrenceRule.Weekly(2, [2]), created),
            ScheduleOverride.Create(humanId, OverrideType.Block, "All hands", MonthStart, null, Window("16:00", "17:00"), RecurrenceRule.MonthlyOnWeekday(1, 5, 5), created),
            ScheduleOverride.Create(humanId, OverrideType.Block, "Payroll", MonthStart, null, null, RecurrenceRule.MonthlyOnDay(1, 15), created),
            ScheduleOverride.Create(humanId, OverrideType.Open, "Evening calls", MonthStart, null, Window("18:00", "20:00"), RecurrenceRule.Weekly(1, [4]), created),
            ScheduleOverride.Create(humanId, OverrideType.Open, "First Saturday", MonthStart, null, Window("10:00", "13:00"), RecurrenceRule.MonthlyOnWeekday(1, 1, 6), created),
        };
        for (var i = 0; i < 14; i++)
        {
            var date = MonthStart.AddDays(2 + (i * 2));
            overrides.Add(i % 3 == 0
                ? ScheduleOverride.Create(humanId, OverrideType.Open, $"Extra {i}", date, null, Window("07:00", "08:30"), null, created)
                : ScheduleOverride.Create(humanId, OverrideType.Block, $"Busy {i}", date, i % 4 == 0 ? date.AddDays(1) : null, Window("11:00", "12:00"), null, created));
        }

        return overrides;
    }

    /// <summary>300 distinct 30-minute bookings spread over the month's working days, with a fixed seed.</summary>
    internal static List<TimeRange> CreateBookings(TimeZoneInfo zone, int count)
    {
        var clock = new ZoneClock(zone);
        var grid = new List<TimeRange>();
        for (var date = MonthStart; date < MonthStart.AddDays(31); date = date.AddDays(1))
        {
            if (Weekdays.Of(date) <= 5)
            {
                for (var minute = 9 * 60; minute < 17 * 60; minute += 30)
                {
                    var start = clock.ToInstant(date, minute, null);
                    grid.Add(new TimeRange(start, start.AddMinutes(30)));
                }
            }
        }

        var random = new Random(20260301);
        return [.. grid.OrderBy(_ => random.Next()).Take(count).OrderBy(b => b.Start)];
    }
}
