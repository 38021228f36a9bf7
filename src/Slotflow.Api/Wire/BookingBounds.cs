
namespace Slotflow.Api.Wire;

/// <summary>
/// date_from / date_to of the bookings list: a UTC date (date_to includes its whole day) or a full instant
/// with Z or an offset (used as given).
/// </summary>
public static class BookingBounds
{
    public static bool TryParse(string? text, bool endOfDay, out DateTimeOffset bound)
    {
        bound = default;
        if (WireDate.TryParse(text, out var date))
        {
            if (date.Year is < 1970 or > 2999)
            {
                return false;
            }

            var day = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            bound = endOfDay ? day.AddDays(1) : day;
            return true;
        }

        if (!WireInstant.TryParse(text, out var instant) || instant.Year is < 1970 or > 2999)
        {
            return false;
        }

        // An instant bound of date_to is inclusive: bookings starting exactly then are listed. One microsecond, not a
        // tick: PostgreSQL keeps microseconds, and a tick would round away.
        bound = endOfDay ? instant.AddMicroseconds(1) : instant;
        return true;
    }

    public static DateTimeOffset Parse(string text, bool endOfDay) =>
        TryParse(text, endOfDay, out var bound) ? bound : throw new FormatException($"'{text}' is not a date or an instant.");
}
