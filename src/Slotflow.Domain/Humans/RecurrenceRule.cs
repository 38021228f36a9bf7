using Slotflow.Domain.Common;

namespace Slotflow.Domain.Humans;

public enum RecurrenceFrequency
{
    Weekly,
    Monthly,
}

/// <summary>
/// When a recurring override occurs: weekly on <see cref="Days"/> every <see cref="Interval"/> ISO weeks, or monthly
/// every <see cref="Interval"/> months on <see cref="DayOfMonth"/> or on the <see cref="Week"/>-th <see cref="Day"/>
/// (week 5 = the last such weekday). Intervals count from the series' start date.
/// </summary>
public sealed class RecurrenceRule
{
    public const int MaxInterval = 52;
    public const int LastWeek = 5;

    private RecurrenceRule(RecurrenceFrequency frequency, int interval, IReadOnlyList<int>? days, int? dayOfMonth, int? week, int? day)
    {
        Frequency = frequency;
        Interval = interval;
        Days = days;
        DayOfMonth = dayOfMonth;
        Week = week;
        Day = day;
    }

    public RecurrenceFrequency Frequency { get; private set; }

    public int Interval { get; private set; }

    public IReadOnlyList<int>? Days { get; private set; }

    public int? DayOfMonth { get; private set; }

    public int? Week { get; private set; }

    public int? Day { get; private set; }

    public static bool IsValidInterval(int interval) => interval is >= 1 and <= MaxInterval;

    public static RecurrenceRule Weekly(int interval, IReadOnlyCollection<int> days)
    {
        EnsureInterval(interval);
        if (days.Count == 0 || !days.All(Weekdays.IsValid) || days.Distinct().Count() != days.Count)
        {
            throw DomainException.Invalid("recurrence.days must be distinct weekdays 1 (Monday) to 7 (Sunday), at least one.");
        }

        return new RecurrenceRule(RecurrenceFrequency.Weekly, interval, [.. days], null, null, null);
    }

    public static RecurrenceRule MonthlyOnDay(int interval, int dayOfMonth)
    {
        EnsureInterval(interval);
        if (dayOfMonth is < 1 or > 31)
        {
            throw DomainException.Invalid("recurrence.day_of_month must be 1 to 31.");
        }

        return new RecurrenceRule(RecurrenceFrequency.Monthly, interval, null, dayOfMonth, null, null);
    }

    public static RecurrenceRule MonthlyOnWeekday(int interval, int week, int day)
    {
        EnsureInterval(interval);
        if (week is < 1 or > LastWeek || !Weekdays.IsValid(day))
        {
            throw DomainException.Invalid("recurrence.week must be 1 to 5 (5 = last) and recurrence.day 1 to 7.");
        }

        return new RecurrenceRule(RecurrenceFrequency.Monthly, interval, null, null, week, day);
    }

    /// <summary>Whether the series that starts on <paramref name="start"/> has an occurrence on <paramref name="date"/> (not before start).</summary>
    public bool OccursOn(DateOnly start, DateOnly date)
    {
        if (Frequency == RecurrenceFrequency.Weekly)
        {
            // DateOnly day 0 (0001-01-01) is a Monday, so DayNumber / 7 numbers ISO weeks.
            var weeks = (date.DayNumber / 7) - (start.DayNumber / 7);
            return weeks % Interval == 0 && Days!.Contains(Weekdays.Of(date));
        }

        var months = ((date.Year - start.Year) * 12) + date.Month - start.Month;
        if (months % Interval != 0)
        {
            return false;
        }

        if (DayOfMonth is { } dayOfMonth)
        {
            return date.Day == dayOfMonth;
        }

        if (Weekdays.Of(date) != Day)
        {
            return false;
        }

        return Week == LastWeek
            ? date.Day + 7 > DateTime.DaysInMonth(date.Year, date.Month)
            : (date.Day - 1) / 7 == Week - 1;
    }

    private static void EnsureInterval(int interval)
    {
        if (!IsValidInterval(interval))
        {
            throw DomainException.Invalid($"recurrence.interval must be 1 to {MaxInterval}.");
        }
    }
}
