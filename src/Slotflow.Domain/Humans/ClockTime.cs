using System.Globalization;
using Slotflow.Domain.Common;

namespace Slotflow.Domain.Humans;

/// <summary>A wall-clock time "HH:MM" as minutes after local midnight; 24:00 (1440) exists only as an end.</summary>
public readonly record struct ClockTime
{
    public const int EndOfDayMinutes = 24 * 60;

    private ClockTime(int minutes) => Minutes = minutes;

    public int Minutes { get; }

    public static ClockTime FromMinutes(int minutes)
    {
        if (minutes is < 0 or > EndOfDayMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "A clock time is 00:00 to 24:00.");
        }

        return new ClockTime(minutes);
    }

    /// <summary>Strict "HH:MM", two digits each; "24:00" only when <paramref name="allowEndOfDay"/>.</summary>
    public static bool TryParse(string? text, bool allowEndOfDay, out ClockTime time)
    {
        time = default;
        if (text is not { Length: 5 } || text[2] != ':'
            || !IsDigits(text.AsSpan(0, 2)) || !IsDigits(text.AsSpan(3, 2)))
        {
            return false;
        }

        var hours = int.Parse(text.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(3, 2), CultureInfo.InvariantCulture);
        var valid = (hours < 24 && minutes < 60) || (allowEndOfDay && hours == 24 && minutes == 0);
        if (valid)
        {
            time = new ClockTime((hours * 60) + minutes);
        }

        return valid;
    }

    public static ClockTime Parse(string text, bool allowEndOfDay) =>
        TryParse(text, allowEndOfDay, out var time)
            ? time
            : throw DomainException.Invalid($"'{text}' is not a time of day in HH:MM form.");

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Minutes / 60:00}:{Minutes % 60:00}");

    private static bool IsDigits(ReadOnlySpan<char> span) => span[0] is >= '0' and <= '9' && span[1] is >= '0' and <= '9';
}
