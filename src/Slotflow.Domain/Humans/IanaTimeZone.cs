using System.Collections.Concurrent;

namespace Slotflow.Domain.Humans;

/// <summary>IANA time zone ids, as the machine's tz database knows them (Windows ids are not accepted).</summary>
public static class IanaTimeZone
{
    public static bool IsValid(string? id) => id is { Length: > 0 and <= 64 } && TryFind(id, out _);

    // Only zones found are kept, so the cache is bounded by the tz database; the look-up (ICU) is costly per request.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.Ordinal);

    public static TimeZoneInfo Find(string id) =>
        Found.TryGetValue(id, out var known) ? known
        : TryFind(id, out var zone) ? Found.GetOrAdd(id, zone)
        : throw new ArgumentException($"'{id}' is not an IANA time zone.", nameof(id));

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
