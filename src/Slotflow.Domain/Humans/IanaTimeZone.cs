namespace Slotflow.Domain.Humans;

/// <summary>IANA time zone ids, as the machine's tz database knows them (Windows ids are not accepted).</summary>
public static class IanaTimeZone
{
    public static bool IsValid(string? id) => id is { Length: > 0 and <= 64 } && TryFind(id, out _);

    public static TimeZoneInfo Find(string id) =>
        TryFind(id, out var zone) ? zone : throw new ArgumentException($"'{id}' is not an IANA time zone.", nameof(id));

    private static bool TryFind(string id, out TimeZoneInfo zone)
    {
        // Reject path tricks outright; the tz database is read from files named by the id.
        if (id.Contains("..", StringComparison.Ordinal) || id.StartsWith('/') || id.Any(char.IsWhiteSpace))
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }

        // The tz folder also holds files that are not zones of the IANA list ("localtime", "posixrules", "right/UTC"):
        // only ids that ICU's IANA table knows are accepted.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!) && zone.HasIanaId
            && TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);
    }
}
