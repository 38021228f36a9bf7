using System.Globalization;
using System.Text;
using Slotflow.Domain.Common;

namespace Slotflow.Domain.Humans;

/// <summary>One wall-clock window of a day, start before end (end may be 24:00).</summary>
public readonly record struct ClockWindow(ClockTime Start, ClockTime End);

/// <summary>
/// Per-weekday working windows (spec §10 <c>weekly_hours</c>): several windows a day and different hours per weekday.
/// Windows of one day are kept sorted and never overlap. Equal when they say the same hours.
/// </summary>
public sealed class WeeklyHours : IEquatable<WeeklyHours>
{
    private readonly ClockWindow[][] _days; // index 0 = Monday

    private WeeklyHours(ClockWindow[][] days) => _days = days;

    /// <summary>The windows of an ISO weekday (1 = Monday … 7 = Sunday), sorted; empty when none.</summary>
    public IReadOnlyList<ClockWindow> On(int weekday) => _days[weekday - 1];

    /// <param name="days">ISO weekday → its windows; weekdays left out have none.</param>
    public static WeeklyHours Create(IReadOnlyDictionary<int, IReadOnlyList<ClockWindow>> days)
    {
        var result = new ClockWindow[7][];
        for (var weekday = 1; weekday <= 7; weekday++)
        {
            result[weekday - 1] = days.TryGetValue(weekday, out var windows) ? [.. windows.OrderBy(w => w.Start.Minutes)] : [];
        }

        foreach (var (weekday, _) in days)
        {
            if (!Weekdays.IsValid(weekday))
            {
                throw DomainException.Invalid("weekly_hours keys must be weekdays \"1\" (Monday) to \"7\" (Sunday).");
            }
        }

        foreach (var windows in result)
        {
            for (var i = 0; i < windows.Length; i++)
            {
                if (windows[i].Start.Minutes >= windows[i].End.Minutes)
                {
                    throw DomainException.Invalid("Each weekly_hours window must have start before end.");
                }

                if (i > 0 && windows[i].Start.Minutes < windows[i - 1].End.Minutes)
                {
                    throw DomainException.Invalid("weekly_hours windows of one day must not overlap.");
                }
            }
        }

        if (result.All(windows => windows.Length == 0))
        {
            throw DomainException.Invalid("weekly_hours must give at least one window.");
        }

        return new WeeklyHours(result);
    }

    /// <summary>The weekdays that have a window, in order (what <c>working_days</c> shows).</summary>
    public IReadOnlyList<int> WorkingDays() => [.. Enumerable.Range(1, 7).Where(d => _days[d - 1].Length > 0)];

    public ClockTime EarliestStart() => _days.SelectMany(w => w).MinBy(w => w.Start.Minutes).Start;

    public ClockTime LatestEnd() => _days.SelectMany(w => w).MaxBy(w => w.End.Minutes).End;

    /// <summary>The stored form: "1=09:00-12:00,13:00-17:00;5=09:00-13:00" (weekdays without windows left out).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var weekday = 1; weekday <= 7; weekday++)
        {
            if (_days[weekday - 1].Length == 0)
            {
                continue;
            }

            text.Append(text.Length == 0 ? string.Empty : ";").Append(weekday.ToString(CultureInfo.InvariantCulture)).Append('=');
            text.AppendJoin(',', _days[weekday - 1].Select(w => $"{w.Start}-{w.End}"));
        }

        return text.ToString();
    }

    /// <summary>Reads the stored form written by <see cref="ToString"/>.</summary>
    public static WeeklyHours Parse(string text)
    {
        var days = new Dictionary<int, IReadOnlyList<ClockWindow>>();
        foreach (var day in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (weekday, windows) = (day[..day.IndexOf('=', StringComparison.Ordinal)], day[(day.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            days[int.Parse(weekday, CultureInfo.InvariantCulture)] = [.. windows.Split(',').Select(w => new ClockWindow(
                ClockTime.Parse(w[..5], allowEndOfDay: false), ClockTime.Parse(w[6..], allowEndOfDay: true)))];
        }

        return Create(days);
    }

    public bool Equals(WeeklyHours? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as WeeklyHours);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
