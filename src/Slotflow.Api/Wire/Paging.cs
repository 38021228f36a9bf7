using System.Globalization;

namespace Slotflow.Api.Wire;

/// <summary>limit and offset of every list, as sent (text), so that a malformed one is named by the validator.</summary>
public static class Paging
{
    public const int MaxLimit = 100;
    public const string LimitMessage = "limit must be a whole number from 1 to 100.";
    public const string OffsetMessage = "offset must be a whole number, 0 or more.";

    public static bool IsValidLimit(string? text) => IsValidLimitUpTo(text, MaxLimit);

    /// <summary>For a list whose own cap allows a larger page than <see cref="MaxLimit"/>.</summary>
    public static bool IsValidLimitUpTo(string? text, int maxLimit) => IsWhole(text, out var limit) && limit >= 1 && limit <= maxLimit;

    public static string LimitMessageUpTo(int maxLimit) => $"limit must be a whole number from 1 to {maxLimit}.";

    public static bool IsValidOffset(string? text) => IsWhole(text, out _);

    /// <summary>A validated limit or offset, or null where it was not sent (the query's default applies).</summary>
    public static int? Parse(string? text) => text is null ? null : int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsWhole(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
