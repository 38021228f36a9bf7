using System.Globalization;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling.RuleTables;

/// <summary>
/// Property test over random combinations of the rules of spec §10 (fixed seeds): classic or weekly hours, a slot
/// interval, buffers, notice, horizon and limits, with random overrides and random earlier bookings made under other
/// buffers. Both directions of "slots and bookings agree": every listed slot is judged bookable by the same engine, and
/// a random interval it refuses is never listed.
/// </summary>
public sealed class RulesPropertyTests
{
    private static readonly string[] ZoneIds = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"];

    // Around each zone's 2026 transitions, and a quiet week.
    private static readonly DateOnly[] Centers = [new(2026, 3, 8), new(2026, 3, 29), new(2026, 4, 5), new(2026, 11, 1), new(2026, 6, 17)];

    [Test]
    public void ListedSlotsAreBookable_AndRefusedIntervalsAreNeverListed([Range(1, 150)] int seed)
    {
        var random = new Random(seed);
        var zone = ZoneIds[random.Next(ZoneIds.Length)];
        var from = Centers[random.Next(Centers.Length)].AddDays(random.Next(-4, 2));
        var to = from.AddDays(random.Next(0, 9));
        var now = new DateTimeOffset(from.AddDays(random.Next(-3, 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(5 * random.Next(0, 288));
        var durations = new[] { 15, 30, 45, 60, 90 }.Where(_ => random.Next(2) == 0).DefaultIfEmpty(30).ToArray();
        var duration = durations[random.Next(durations.Length)];
        var rules = RandomRules(random, durations);
        var overrides = RandomOverrides(random, from);
        var taken = RandomBookings(random, from, to);
        var engine = RulesEngine(zone, rules, overrides, taken);
        var description = string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {zone} {from}..{to} now {Format(now)} {duration} min, {Describe(rules)}");

        var slots = engine.ListSlots(from, to, duration, now);
        var listedButRefused = slots.Where(s => engine.Check(s.Start, duration, now) is not null).Select(s => $"{Format(s.Start)}: {engine.Check(s.Start, duration, now)}");
        Assert.That(listedButRefused, Is.Empty, $"listed but refused — {description}");

        var listed = slots.Select(s => s.Start).ToHashSet();
        var refused = Enumerable.Range(0, 400)
            .Select(_ => new DateTimeOffset(from.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(5 * random.Next(0, 288 * ((to.DayNumber - from.DayNumber) + 3))))
            .Where(start => engine.Check(start, duration, now) is not null)
            .ToList();
        Assert.That(refused.Where(listed.Contains).Select(Format), Is.Empty, $"refused but listed — {description}");
        Assert.That(slots.Zip(slots.Skip(1)).All(p => p.First.Start < p.Second.Start), Is.True, $"not strictly increasing — {description}");
    }

    /// <summary>
    /// Alternatives against a brute-force search: every slot listed over a wider range, within 14 days of the
    /// requested start, ordered by distance (the later one first at equal distance); the first three, each bookable.
    /// </summary>
    [Test]
    public void Alternatives_AreTheNearestListedSlots_ByBruteForce([Range(1, 60)] int seed)
    {
        var random = new Random(1000 + seed);
        var zone = ZoneIds[random.Next(ZoneIds.Length)];
        var center = Centers[random.Next(Centers.Length)];
        var now = new DateTimeOffset(center.AddDays(-20).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var durations = new[] { 30, 60 };
        var rules = RandomRules(random, durations);
        var engine = RulesEngine(zone, rules, RandomOverrides(random, center), RandomBookings(random, center.AddDays(-25), center.AddDays(25)));
        var requested = new DateTimeOffset(center.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(5 * random.Next(0, 288));

        var expected = engine.ListSlots(center.AddDays(-20), center.AddDays(20), 30, now)
            .Where(s => (s.Start - requested).Duration() <= TimeSpan.FromDays(14))
            .OrderBy(s => (s.Start - requested).Duration()).ThenByDescending(s => s.Start)
            .Take(3)
            .ToList();
        var alternatives = engine.Alternatives(requested, 30, now);

        var description = $"seed {seed}: {zone} requested {Format(requested)}, {Describe(rules)}";
        Assert.That(Starts(alternatives), Is.EqualTo(Starts(expected)), description);
        Assert.That(alternatives.Select(a => engine.Check(a.Start, 30, now)), Has.All.Null, description);
        if (engine.NearAlternatives(requested, 30, now) is { } near)
        {
            Assert.That(Starts(near), Is.EqualTo(Starts(expected)), "the days around settled it — " + description);
        }
    }

    /// <summary>
    /// The search of the days around the requested start (<c>NearAlternatives</c>) answers only when it is sure: then it
    /// equals the brute-force nearest three. Requests all over the day, so both outcomes occur.
    /// </summary>
    [Test]
    public void NearAlternatives_WhenTheyAnswer_AreTheBruteForceNearest([Range(1, 60)] int seed)
    {
        var random = new Random(5000 + seed);
        var zone = ZoneIds[random.Next(ZoneIds.Length)];
        var center = Centers[random.Next(Centers.Length)];
        var now = new DateTimeOffset(center.AddDays(-20).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var engine = RulesEngine(zone, RandomRules(random, [30, 60]), RandomOverrides(random, center), RandomBookings(random, center.AddDays(-25), center.AddDays(25)));
        var (answered, deferred) = (0, 0);
        for (var minute = 0; minute < 48 * 60; minute += 35)
        {
            var requested = new DateTimeOffset(center.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(minute);
            var expected = engine.ListSlots(center.AddDays(-20), center.AddDays(20), 30, now)
                .Where(s => (s.Start - requested).Duration() <= TimeSpan.FromDays(14))
                .OrderBy(s => (s.Start - requested).Duration()).ThenByDescending(s => s.Start)
                .Take(3)
                .ToList();
            if (engine.NearAlternatives(requested, 30, now) is { } near)
            {
                answered++;
                Assert.That(Starts(near), Is.EqualTo(Starts(expected)), $"seed {seed}: {zone} requested {Format(requested)}");
            }
            else
            {
                deferred++;
            }
        }

        Assert.That(answered + deferred, Is.GreaterThan(0));
        TestContext.Out.WriteLine($"seed {seed}: the days around answered {answered}, deferred {deferred}");
    }

    private static WorkingHours RandomRules(Random random, int[] durations)
    {
        var rules = new SchedulingRules(
            SlotInterval: random.Next(3) == 0 ? null : 5 * random.Next(1, 19),
            BufferBefore: 5 * random.Next(0, 7),
            BufferAfter: 5 * random.Next(0, 7),
            MinimumNotice: random.Next(2) == 0 ? 0 : 15 * random.Next(1, 100),
            BookingHorizonDays: random.Next(3) == 0 ? random.Next(3, 14) : null,
            DailyBookingLimit: random.Next(3) == 0 ? random.Next(2, 6) : null,
            WeeklyBookingLimit: random.Next(4) == 0 ? random.Next(5, 15) : null);
        if (random.Next(2) == 0)
        {
            var start = 30 * random.Next(0, 30);
            var end = Math.Min(start + (30 * random.Next(2, 24)), 24 * 60);
            return WorkingHours.Create([.. Enumerable.Range(1, 7).Where(_ => random.Next(4) > 0).DefaultIfEmpty(1)], ClockTime.FromMinutes(start), ClockTime.FromMinutes(end), durations, rules);
        }

        var weekly = new Dictionary<int, IReadOnlyList<ClockWindow>>();
        for (var day = 1; day <= 7; day++)
        {
            var windows = new List<ClockWindow>();
            var cursor = 30 * random.Next(0, 20);
            while (random.Next(3) > 0 && cursor < (23 * 60) + 30)
            {
                var end = Math.Min(cursor + (30 * random.Next(1, 10)), 24 * 60);
                windows.Add(new ClockWindow(ClockTime.FromMinutes(cursor), ClockTime.FromMinutes(end)));
                cursor = end + (30 * random.Next(1, 5));
            }

            weekly[day] = windows;
        }

        weekly[1] = weekly[1].Count > 0 ? weekly[1] : [new ClockWindow(ClockTime.FromMinutes(9 * 60), ClockTime.FromMinutes(12 * 60))];
        return WorkingHours.Create(null, null, null, durations, rules with { WeeklyHours = WeeklyHours.Create(weekly) });
    }

    private static List<ScheduleOverride> RandomOverrides(Random random, DateOnly from)
    {
        var overrides = new List<ScheduleOverride>();
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            var date = from.AddDays(random.Next(-1, 9)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var start = 30 * random.Next(0, 44);
            var end = Math.Min(start + (30 * random.Next(1, 8)), 24 * 60);
            var (startText, endText) = (ClockTime.FromMinutes(start).ToString(), ClockTime.FromMinutes(end).ToString());
            overrides.Add(random.Next(2) == 0 ? Block(date, start: startText, end: endText) : Open(date, start: startText, end: endText));
        }

        return overrides;
    }

    private static List<TakenTime> RandomBookings(Random random, DateOnly from, DateOnly to)
    {
        var taken = new List<TakenTime>();
        var cursor = new DateTimeOffset(from.AddDays(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        while ((cursor = cursor.AddMinutes(5 * random.Next(12, 600))) < end)
        {
            var (before, after, length) = (5 * random.Next(0, 5), 5 * random.Next(0, 5), 5 * random.Next(3, 19));
            var start = cursor.AddMinutes(before);
            taken.Add(new TakenTime(new TimeRange(start, start.AddMinutes(length)), new TimeRange(cursor, start.AddMinutes(length + after))));
            cursor = start.AddMinutes(length + after); // blocked windows of earlier bookings never overlap
        }

        return taken;
    }

    private static string Describe(WorkingHours r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(r.WeeklyHours is { } w ? $"weekly {w}" : $"days {string.Join(",", r.WorkingDays)} {r.WorkStart}-{r.WorkEnd}")}, interval {r.SlotInterval}, buffers {r.BufferBefore}/{r.BufferAfter}, notice {r.MinimumNotice}, horizon {r.BookingHorizonDays}, limits {r.DailyBookingLimit}/{r.WeeklyBookingLimit}");
}
