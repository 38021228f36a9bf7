using System.Globalization;
using System.Text;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>
/// Property test over random humans (fixed seeds, so every run checks the same 200 humans and a failure names its seed).
///
/// Formulation — exact, and able to fail either way: for each local date D in [from, to] this test builds the
/// availability windows of spec §7.1 itself (the working window on a working day, plus every open override that
/// occurs on D; all day = 00:00–24:00) and converts their wall-clock ends to UTC with its own conversion
/// (<see cref="ToUtc"/>: the first instant whose local reading is that wall-clock time, or, when the time is skipped
/// by a gap, the first instant after it). The grid candidates are each window's start + k × duration that end by the
/// window's end (§7.2). Then the engine's list must equal, exactly and in order,
///     { candidate c : engine.Check(c, duration, now) == null }.
/// "⊆" is "every listed slot is bookable and on the grid"; "⊇" is "every grid candidate that is not listed is refused
/// with a reason". Because ListSlots and Check share the engine's windows, a wrong window would pass that equality, so
/// Check is also compared with an oracle written here from §6 over the same independently converted windows: on every
/// grid candidate, on 5-minute steps around every window and block edge, and on random starts (on and off the grid,
/// allowed and disallowed durations), each at the scenario's now and at a now long before. On top: slots strictly
/// increasing, UTC, of the asked length; the same query twice, or with bookings and overrides shuffled, is the same.
/// Generation leans on the hard cases: most ranges contain the zone's own transition, and most humans in a zone with
/// DST get a window in 00:00–05:00 on a transition Sunday (the only way to hit a skipped or repeated wall-clock time).
/// </summary>
public sealed class AvailabilityPropertyTests
{
    private static readonly string[] ZoneIds =
    [
        "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu",
        "America/Los_Angeles", "UTC", "Pacific/Chatham", "America/Sao_Paulo", "Europe/Dublin", "Africa/Casablanca",
    ];

    // 2026 transition dates of those zones (US, EU, southern-hemisphere April and autumn), and two quiet dates.
    private static readonly DateOnly[] Centers =
    [
        new(2026, 3, 8), new(2026, 3, 29), new(2026, 4, 5), new(2026, 9, 27),
        new(2026, 10, 4), new(2026, 10, 25), new(2026, 11, 1), new(2026, 2, 15), new(2026, 6, 21),
    ];

    // Each zone's own 2026 transition dates, so most ranges contain one of that zone's transitions.
    private static readonly Dictionary<string, DateOnly[]> Transitions = new()
    {
        ["America/New_York"] = [new(2026, 3, 8), new(2026, 11, 1)],
        ["America/Los_Angeles"] = [new(2026, 3, 8), new(2026, 11, 1)],
        ["Europe/London"] = [new(2026, 3, 29), new(2026, 10, 25)],
        ["Australia/Lord_Howe"] = [new(2026, 4, 5), new(2026, 10, 4)],
        ["Pacific/Chatham"] = [new(2026, 4, 5), new(2026, 9, 27)],
    };

    private static readonly int[] DurationChoices = [5, 10, 15, 20, 25, 30, 45, 60, 90, 120, 240];

    [Test]
    public void ListSlots_ForARandomHuman_IsExactlyTheBookableGridCandidates([Range(1, 200)] int seed)
    {
        var random = new Random(seed);
        var scenario = Scenario.Generate(random);
        var engine = scenario.Engine();
        var description = scenario.Describe(seed);

        if (scenario.Rules is null || !scenario.Rules.MeetingDurations.Contains(scenario.Duration))
        {
            Assert.That(
                () => engine.ListSlots(scenario.From, scenario.To, scenario.Duration, scenario.Now),
                Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo(ErrorCode.InvalidDuration),
                description);
            CheckAgreesWithOracle(scenario, engine, random, description);
            return;
        }

        var slots = engine.ListSlots(scenario.From, scenario.To, scenario.Duration, scenario.Now);

        var length = TimeSpan.FromMinutes(scenario.Duration);
        var candidates = new SortedSet<DateTimeOffset>();
        for (var date = scenario.From; date <= scenario.To; date = date.AddDays(1))
        {
            foreach (var window in scenario.Windows(date, OverrideType.Open))
            {
                for (var start = window.Start; start + length <= window.End; start += length)
                {
                    candidates.Add(start);
                }
            }
        }

        var expected = candidates
            .Where(c => engine.Check(c, scenario.Duration, scenario.Now) is null)
            .Select(c => new TimeRange(c, c + length))
            .ToList();
        var listedButRefused = slots.Where(s => engine.Check(s.Start, scenario.Duration, scenario.Now) is not null).Select(s => s.Start);
        var listedOffGrid = slots.Where(s => !candidates.Contains(s.Start)).Select(s => s.Start);
        var bookableButMissing = expected.Select(e => e.Start).Except(slots.Select(s => s.Start));

        Assert.That(Show(listedButRefused), Is.Empty, $"listed but refused by Check — {description}");
        Assert.That(Show(listedOffGrid), Is.Empty, $"listed but not a grid candidate — {description}");
        Assert.That(Show(bookableButMissing), Is.Empty, $"grid candidate judged bookable but not listed — {description}");
        Assert.That(slots, Is.EqualTo(expected), description);

        Assert.That(slots.Zip(slots.Skip(1)).All(p => p.First.Start < p.Second.Start), Is.True, $"not strictly increasing — {description}");
        Assert.That(slots.All(s => s.End - s.Start == length && s.Start.Offset == TimeSpan.Zero), Is.True, description);
        var span = Availability.BookingSpan(scenario.Zone, scenario.From, scenario.To);
        Assert.That(slots.All(s => span.Contains(s)), Is.True, $"a slot outside BookingSpan — {description}");
        Assert.That(Availability.BookingSpanInAnyZone(scenario.From, scenario.To).Contains(span), Is.True, $"BookingSpan outside BookingSpanInAnyZone — {description}");

        Assert.That(engine.ListSlots(scenario.From, scenario.To, scenario.Duration, scenario.Now), Is.EqualTo(slots), $"second call differs — {description}");
        Assert.That(
            scenario.Shuffled(random).ListSlots(scenario.From, scenario.To, scenario.Duration, scenario.Now),
            Is.EqualTo(slots),
            $"shuffled input differs — {description}");

        CheckAgreesWithOracle(scenario, engine, random, description, candidates);
    }

    /// <summary>
    /// Check against the §6 oracle on every grid candidate, just before and after each window's edges (where a wrong
    /// DST reading of a window shows), and on random starts on and off the 5-minute grid, some with other durations.
    /// </summary>
    private static void CheckAgreesWithOracle(
        Scenario scenario, Availability engine, Random random, string description, IEnumerable<DateTimeOffset>? candidates = null)
    {
        var probes = new List<(DateTimeOffset Start, int Duration)>();
        probes.AddRange((candidates ?? []).Select(c => (c, scenario.Duration)));
        for (var date = scenario.From.AddDays(-1); date <= scenario.To.AddDays(1); date = date.AddDays(1))
        {
            foreach (var window in scenario.Windows(date, OverrideType.Open).Concat(scenario.Windows(date, OverrideType.Block)))
            {
                foreach (var edge in new[] { window.Start, window.End })
                {
                    for (var shift = -65; shift <= 65; shift += 5)
                    {
                        probes.Add((edge.AddMinutes(shift), scenario.Duration));
                        probes.Add((edge.AddMinutes(shift - scenario.Duration), scenario.Duration));
                    }
                }
            }
        }

        var origin = Midnight(scenario.From).AddDays(-1);
        var minutes = ((scenario.To.DayNumber - scenario.From.DayNumber) + 3) * 24 * 60;
        for (var i = 0; i < 300; i++)
        {
            var offGrid = random.Next(4) == 0;
            var start = origin.AddMinutes(offGrid ? random.Next(minutes) : random.Next(minutes / 5) * 5);
            probes.Add((start, random.Next(8) == 0 ? DurationChoices[random.Next(DurationChoices.Length)] : scenario.Duration));
        }

        // Each probe is judged at the scenario's now and at a now long before, so "in the past" hides nothing.
        var disagreements = new List<string>();
        foreach (var (start, duration) in probes)
        {
            foreach (var now in new[] { scenario.Now, Schedules.LongAgo })
            {
                var actual = engine.Check(start, duration, now);
                var oracle = scenario.Oracle(start, duration, now);
                if (actual != oracle)
                {
                    disagreements.Add($"{Format(start)}+{duration} at now {Format(now)}: engine {actual?.ToString() ?? "null"}, oracle {oracle?.ToString() ?? "null"}");
                }
            }
        }

        Assert.That(disagreements.Take(10), Is.Empty, $"Check disagrees with the §6 oracle — {description}");
    }

    private static string[] Show(IEnumerable<DateTimeOffset> instants) => instants.Take(10).Select(Format).ToArray();

    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// Wall-clock time on a date, read in the zone per §7.2, written independently of the engine: the earliest instant
    /// whose local reading is exactly that time (the first occurrence of a repeated time); when no instant reads it (a
    /// spring-forward gap), the first instant reading later, i.e. the instant the clock jumps.
    /// </summary>
    private static DateTimeOffset ToUtc(TimeZoneInfo zone, DateOnly date, int minutes)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
        var asUtc = new DateTimeOffset(local.Ticks, TimeSpan.Zero);
        var offsets = Enumerable.Range(-16, 33).Select(h => zone.GetUtcOffset(asUtc.AddHours(h))).Distinct().ToList();

        DateTimeOffset? first = null;
        foreach (var offset in offsets)
        {
            var instant = asUtc - offset;
            if (Reading(zone, instant) == local && (first is null || instant < first))
            {
                first = instant;
            }
        }

        if (first is { } found)
        {
            return found;
        }

        var probe = asUtc - offsets.Max();
        while (Reading(zone, probe) < local)
        {
            probe = probe.AddMinutes(1);
        }

        return probe;
    }

    private static DateTime Reading(TimeZoneInfo zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    private sealed record Scenario(
        TimeZoneInfo Zone, WorkingHours? Rules, List<ScheduleOverride> Overrides, List<TimeRange> Bookings,
        DateOnly From, DateOnly To, int Duration, DateTimeOffset Now)
    {
        public static Scenario Generate(Random random)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneIds[random.Next(ZoneIds.Length)]);
            var rules = random.Next(15) == 0 ? null : RandomRules(random);
            var own = Transitions.GetValueOrDefault(zone.Id);
            var centers = own is not null && random.Next(10) < 7 ? own : Centers;
            var days = random.Next(1, 41);
            var from = centers[random.Next(centers.Length)].AddDays(-random.Next(days));
            var to = from.AddDays(days - 1);

            var overrides = new List<ScheduleOverride>();
            var overrideCount = random.Next(9);
            for (var i = 0; i < overrideCount; i++)
            {
                overrides.Add(RandomOverride(random, from, to));
            }

            // Mostly, one more override lands on a transition date itself (always a Sunday) in the small hours,
            // so windows and blocks regularly start or end on a skipped or repeated wall-clock time.
            if (own is not null && random.Next(4) != 0)
            {
                var (start, end) = SmallHours(random);
                var window = (ClockTime.FromMinutes(start), ClockTime.FromMinutes(end));
                var type = random.Next(3) == 0 ? OverrideType.Block : OverrideType.Open;
                var transition = own[random.Next(own.Length)];
                overrides.Add(random.Next(2) == 0
                    ? ScheduleOverride.Create(Schedules.HumanId, type, "transition", transition, null, window, null, Schedules.LongAgo)
                    : ScheduleOverride.Create(Schedules.HumanId, type, "sundays", transition.AddDays(-7 * random.Next(4)), null, window, RecurrenceRule.Weekly(1, [7]), Schedules.LongAgo));
            }

            var bookings = new List<TimeRange>();
            var bookingCount = random.Next(21);
            var dayCount = to.DayNumber - from.DayNumber + 3;
            for (var i = 0; i < bookingCount; i++)
            {
                var start = Midnight(from).AddDays(-1).AddMinutes(5 * random.Next(dayCount * 288));
                bookings.Add(new TimeRange(start, start.AddMinutes(5 * random.Next(1, 49))));
            }

            var duration = rules is not null && random.Next(12) != 0
                ? rules.MeetingDurations[random.Next(rules.MeetingDurations.Count)]
                : DurationChoices[random.Next(DurationChoices.Length)];

            // Often on the 5-minute grid, so "now" regularly falls exactly on a candidate start.
            var now = random.Next(4) == 0
                ? Schedules.LongAgo
                : random.Next(2) == 0
                    ? Midnight(from).AddDays(-2).AddMinutes(5 * random.Next((dayCount + 2) * 288))
                    : Midnight(from).AddDays(-2).AddMinutes(random.Next((dayCount + 2) * 1440)).AddSeconds(random.Next(60));

            var scenario = new Scenario(zone, rules, overrides, bookings, from, to, duration, now);

            // A quarter of the time "now" is exactly a grid candidate, the boundary of "starts before now".
            if (random.Next(4) == 0)
            {
                var date = from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
                var windows = scenario.Windows(date, OverrideType.Open);
                if (windows.Count > 0)
                {
                    var window = windows[random.Next(windows.Count)];
                    var steps = (int)((window.End - window.Start).TotalMinutes / duration);
                    scenario = scenario with { Now = window.Start.AddMinutes(duration * random.Next(Math.Max(steps, 1))) };
                }
            }

            return scenario;
        }

        public Availability Engine() => new(Zone, Rules, Overrides, Bookings.ConvertAll(TakenTime.Unbuffered));

        public Availability Shuffled(Random random)
        {
            var overrides = Overrides.ToArray();
            var bookings = Bookings.ConvertAll(TakenTime.Unbuffered).ToArray();
            random.Shuffle(overrides);
            random.Shuffle(bookings);
            return new Availability(Zone, Rules, overrides, bookings);
        }

        private Dictionary<(DateOnly, OverrideType), List<TimeRange>> WindowCache { get; } = [];

        /// <summary>The windows of this type on a date, in UTC (for Open: the working window too).</summary>
        public List<TimeRange> Windows(DateOnly date, OverrideType type)
        {
            if (WindowCache.TryGetValue((date, type), out var cached))
            {
                return cached;
            }

            var windows = new List<TimeRange>();
            WindowCache[(date, type)] = windows;
            if (type == OverrideType.Open && Rules is not null && Rules.WorkingDays.Contains(Weekdays.Of(date)))
            {
                windows.Add(new TimeRange(ToUtc(Zone, date, Rules.WorkStart.Minutes), ToUtc(Zone, date, Rules.WorkEnd.Minutes)));
            }

            foreach (var scheduleOverride in Overrides.Where(o => o.Type == type && o.OccursOn(date)))
            {
                var start = scheduleOverride.StartTime?.Minutes ?? 0;
                var end = scheduleOverride.EndTime?.Minutes ?? 24 * 60;
                windows.Add(new TimeRange(ToUtc(Zone, date, start), ToUtc(Zone, date, end)));
            }

            return windows;
        }

        /// <summary>Spec §6 steps 2–5 for one interval, with a start in the past refused first.</summary>
        public ErrorCode? Oracle(DateTimeOffset start, int duration, DateTimeOffset now)
        {
            if (start < now)
            {
                return ErrorCode.ValidationError;
            }

            if (Rules is null || !Rules.MeetingDurations.Contains(duration))
            {
                return ErrorCode.InvalidDuration;
            }

            var interval = new TimeRange(start, start.AddMinutes(duration));
            var first = DateOnly.FromDateTime(Reading(Zone, interval.Start)).AddDays(-2);
            var last = DateOnly.FromDateTime(Reading(Zone, interval.End)).AddDays(2);
            var open = new List<TimeRange>();
            var blocks = new List<TimeRange>();
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                open.AddRange(Windows(date, OverrideType.Open));
                blocks.AddRange(Windows(date, OverrideType.Block));
            }

            if (!open.Exists(w => w.Start <= interval.Start && interval.End <= w.End))
            {
                return ErrorCode.OutsideWorkingHours;
            }

            if (blocks.Exists(b => b.Start < interval.End && interval.Start < b.End))
            {
                return ErrorCode.ScheduleBlocked;
            }

            return Bookings.Exists(b => b.Start < interval.End && interval.Start < b.End) ? ErrorCode.SlotUnavailable : null;
        }

        public string Describe(int seed)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"seed {seed}: zone {Zone.Id}, {From:yyyy-MM-dd}..{To:yyyy-MM-dd}, duration {Duration}, now {Format(Now)}; rules ");
            text.Append(Rules is null
                ? "none"
                : string.Create(CultureInfo.InvariantCulture, $"days [{string.Join(",", Rules.WorkingDays)}] {Rules.WorkStart}-{Rules.WorkEnd} durations [{string.Join(",", Rules.MeetingDurations)}]"));
            foreach (var o in Overrides)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {o.Type} {o.StartDate:yyyy-MM-dd}..{o.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} ");
                text.Append(o.AllDay ? "all day" : $"{o.StartTime}-{o.EndTime}");
                if (o.Recurrence is { } r)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {r.Frequency}/{r.Interval} days [{string.Join(",", r.Days ?? [])}] dom {r.DayOfMonth} week {r.Week} day {r.Day}");
                }
            }

            text.Append(CultureInfo.InvariantCulture, $"; {Bookings.Count} bookings");
            return text.ToString();
        }

        private static WorkingHours RandomRules(Random random)
        {
            var days = Enumerable.Range(1, 7).ToArray();
            random.Shuffle(days);
            var (start, end) = RandomWindow(random);
            var durations = DurationChoices.ToArray();
            random.Shuffle(durations);
            return WorkingHours.Create(
                days[..random.Next(1, 8)], ClockTime.FromMinutes(start), ClockTime.FromMinutes(end), durations[..random.Next(1, 4)]);
        }

        /// <summary>5-minute wall-clock bounds; a third lie wholly in the small hours.</summary>
        private static (int Start, int End) RandomWindow(Random random)
        {
            if (random.Next(3) == 0)
            {
                return SmallHours(random);
            }

            var start = 5 * random.Next(287);
            var end = random.Next(4) == 0 ? 24 * 60 : start + (5 * random.Next(1, ((24 * 60) - start) / 5 + 1));
            return (start, end);
        }

        /// <summary>A window inside 00:00–05:00, where every transition of these zones happens.</summary>
        private static (int Start, int End) SmallHours(Random random)
        {
            var start = 5 * random.Next(60);
            return (start, start + (5 * random.Next(1, 61 - (start / 5))));
        }

        private static ScheduleOverride RandomOverride(Random random, DateOnly from, DateOnly to)
        {
            var type = random.Next(2) == 0 ? OverrideType.Block : OverrideType.Open;
            (ClockTime, ClockTime)? window = null;
            if (random.Next(10) >= 3)
            {
                var (start, end) = RandomWindow(random);
                window = (ClockTime.FromMinutes(start), ClockTime.FromMinutes(end));
            }

            var startDate = from.AddDays(random.Next(-35, to.DayNumber - from.DayNumber + 4));
            DateOnly? endDate = null;
            RecurrenceRule? recurrence = null;
            switch (random.Next(5))
            {
                case 0:
                    break;
                case 1:
                    endDate = startDate.AddDays(random.Next(11));
                    break;
                case 2:
                    var days = Enumerable.Range(1, 7).ToArray();
                    random.Shuffle(days);
                    recurrence = RecurrenceRule.Weekly(random.Next(1, 4), days[..random.Next(1, 4)]);
                    endDate = random.Next(2) == 0 ? startDate.AddDays(random.Next(60)) : null;
                    break;
                case 3:
                    recurrence = RecurrenceRule.MonthlyOnDay(random.Next(1, 3), random.Next(2) == 0 ? random.Next(28, 32) : random.Next(1, 32));
                    endDate = random.Next(3) == 0 ? startDate.AddDays(random.Next(90)) : null;
                    break;
                default:
                    recurrence = RecurrenceRule.MonthlyOnWeekday(random.Next(1, 3), random.Next(1, 6), random.Next(1, 8));
                    endDate = random.Next(3) == 0 ? startDate.AddDays(random.Next(90)) : null;
                    break;
            }

            return ScheduleOverride.Create(Schedules.HumanId, type, "random", startDate, endDate, window, recurrence, Schedules.LongAgo);
        }
    }
}
