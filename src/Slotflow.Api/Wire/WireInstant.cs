using System.Globalization;
using System.Text.RegularExpressions;

namespace Slotflow.Api.Wire;

/// <summary>
/// Strict parsing of the wire's instants (spec §1): an ISO 8601 date and time with Z or an explicit offset,
/// normalised to UTC. A local time without an offset names no instant and is refused.
/// </summary>
public static partial class WireInstant
{
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is null || !IsoInstant().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        instant = parsed.ToUniversalTime();
        return true;
    }

    // Date, time to the minute or finer, and a zone designator (Z or ±hh:mm): nothing looser is an instant here.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();
}
