using System.Globalization;

namespace Slotflow.Api.Wire;

/// <summary>Strict parsing of the wire's date form, YYYY-MM-DD.</summary>
public static class WireDate
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date in YYYY-MM-DD form.");
}
