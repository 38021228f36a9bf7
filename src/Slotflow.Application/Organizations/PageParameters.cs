using System.Globalization;

namespace Slotflow.Application.Organizations;

/// <summary>limit and offset as sent on an Admin API query string; the validators check them, the handlers read them.</summary>
public static class PageParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public static bool IsValidLimit(string? limit) => limit is null || (IsWhole(limit, out var value) && value is >= 1 and <= MaxLimit);

    public static bool IsValidOffset(string? offset) => offset is null || IsWhole(offset, out _);

    public static int Limit(string? limit) => limit is null ? DefaultLimit : int.Parse(limit, CultureInfo.InvariantCulture);

    public static int Offset(string? offset) => offset is null ? 0 : int.Parse(offset, CultureInfo.InvariantCulture);

    private static bool IsWhole(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
