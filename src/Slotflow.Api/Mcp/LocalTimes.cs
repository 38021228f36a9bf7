using System.Globalization;

namespace Slotflow.Api.Mcp;

/// <summary>
/// Instants as a model reads them best: the human's local time with the weekday, then UTC, e.g.
/// "Mon 16 Mar 2026 09:00 America/New_York (13:00Z)"; the UTC date is added when it is another day.
/// </summary>
public static class LocalTimes
{
    public static string Describe(DateTimeOffset instant, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        var utc = instant.ToUniversalTime();
        var utcText = utc.Date == local.Date
            ? utc.ToString("HH:mm", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{local.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} {timeZoneId} ({utcText}Z)";
    }

    /// <summary>An interval: "Mon 16 Mar 2026 09:00–09:30 America/New_York (13:00Z–13:30Z)" when it stays in one local day.</summary>
    public static string Describe(DateTimeOffset start, DateTimeOffset end, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var (localStart, localEnd) = (TimeZoneInfo.ConvertTime(start, zone), TimeZoneInfo.ConvertTime(end, zone));
        var (utcStart, utcEnd) = (start.ToUniversalTime(), end.ToUniversalTime());
        if (localStart.Date != localEnd.Date || utcStart.Date != localStart.Date || utcEnd.Date != utcStart.Date)
        {
            return $"{Describe(start, timeZoneId)} to {Describe(end, timeZoneId)}";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{localStart:ddd d MMM yyyy HH:mm}–{localEnd:HH:mm} {timeZoneId} ({utcStart:HH:mm}Z–{utcEnd:HH:mm}Z)");
    }
}
