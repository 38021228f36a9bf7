using System.Globalization;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Tests.Scheduling;

/// <summary>Short builders for engine tests: zones, rules, overrides and exact UTC instants.</summary>
internal static class Schedules
{
    public static readonly Guid HumanId = Guid.NewGuid();

    /// <summary>Long before every range used in these tests, so nothing is dropped as past.</summary>
    public static readonly DateTimeOffset LongAgo = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly int[] MondayToFriday = [1, 2, 3, 4, 5];

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An exact UTC instant written "yyyy-MM-ddTHH:mmZ".</summary>
    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static ClockTime Time(string text) => ClockTime.Parse(text, allowEndOfDay: true);

    public static WorkingHours Rules(int[] days, string start, string end, params int[] durations) =>
        WorkingHours.Create(days, ClockTime.Parse(start, allowEndOfDay: false), Time(end), durations);

    /// <summary>Classic hours with the rules of spec §10.</summary>
    public static WorkingHours Rules(int[] days, string start, string end, SchedulingRules rules, params int[] durations) =>
        WorkingHours.Create(days, ClockTime.Parse(start, allowEndOfDay: false), Time(end), durations, rules);

    /// <summary>Weekly hours "1=09:00-12:00,13:00-17:00;5=09:00-13:00" with other rules of spec §10.</summary>
    public static WorkingHours Weekly(string weeklyHours, SchedulingRules? rules = null, params int[] durations) =>
        WorkingHours.Create(null, null, null, durations, (rules ?? SchedulingRules.None) with { WeeklyHours = WeeklyHours.Parse(weeklyHours) });

    /// <summary>A booking made with buffers: its interval and its blocked window.</summary>
    public static TakenTime Buffered(string start, string end, int before, int after) =>
        new(Range(start, end), new TimeRange(Utc(start).AddMinutes(-before), Utc(end).AddMinutes(after)));

    public static Availability RulesEngine(string zone, WorkingHours rules, IReadOnlyList<ScheduleOverride> overrides, IReadOnlyList<TakenTime> taken) =>
        new(Zone(zone), rules, overrides, taken);

    public static WorkingHours NineToFive(params int[] durations) => Rules(MondayToFriday, "09:00", "17:00", durations);

    /// <summary>A timed override; <paramref name="start"/>/<paramref name="end"/> null means all day.</summary>
    public static ScheduleOverride Override(
        OverrideType type, string startDate, string? endDate = null, string? start = null, string? end = null, RecurrenceRule? recurrence = null) =>
        ScheduleOverride.Create(
            HumanId,
            type,
            type.ToString(),
            Date(startDate),
            endDate is null ? null : Date(endDate),
            start is null || end is null ? null : (Time(start), Time(end)),
            recurrence,
            LongAgo);

    public static ScheduleOverride Block(string startDate, string? endDate = null, string? start = null, string? end = null, RecurrenceRule? recurrence = null) =>
        Override(OverrideType.Block, startDate, endDate, start, end, recurrence);

    public static ScheduleOverride Open(string startDate, string? endDate = null, string? start = null, string? end = null, RecurrenceRule? recurrence = null) =>
        Override(OverrideType.Open, startDate, endDate, start, end, recurrence);

    public static TimeRange Range(string start, string end) => new(Utc(start), Utc(end));

    public static Availability Engine(
        string zone, WorkingHours? rules, IReadOnlyList<ScheduleOverride>? overrides = null, IReadOnlyList<TimeRange>? bookings = null) =>
        new(Zone(zone), rules, overrides ?? [], [.. (bookings ?? []).Select(TakenTime.Unbuffered)]);

    /// <summary>Slot starts as "yyyy-MM-ddTHH:mmZ" strings, so a failing assertion shows readable instants.</summary>
    public static string[] Starts(IEnumerable<TimeRange> slots) => slots.Select(s => Format(s.Start)).ToArray();

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>Every <paramref name="stepMinutes"/> from <paramref name="first"/> to <paramref name="last"/> inclusive, formatted.</summary>
    public static string[] Every(string first, string last, int stepMinutes)
    {
        var result = new List<string>();
        for (var instant = Utc(first); instant <= Utc(last); instant = instant.AddMinutes(stepMinutes))
        {
            result.Add(Format(instant));
        }

        return [.. result];
    }

    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>How many slots start on each local date from..to, in order.</summary>
    public static int[] CountPerLocalDate(TimeZoneInfo zone, IReadOnlyList<TimeRange> slots, DateOnly from, DateOnly to)
    {
        var counts = new int[to.DayNumber - from.DayNumber + 1];
        foreach (var slot in slots)
        {
            var date = LocalDate(zone, slot.Start);
            Assert.That(date, Is.InRange(from, to), $"slot {Format(slot.Start)} is outside the local dates asked for");
            counts[date.DayNumber - from.DayNumber]++;
        }

        return counts;
    }
}
