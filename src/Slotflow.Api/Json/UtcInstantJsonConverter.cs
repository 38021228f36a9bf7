using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slotflow.Api.Json;

/// <summary>
/// Instants on the wire: written as UTC with milliseconds and Z; read from any ISO 8601 instant with Z or an
/// explicit offset. A local time without an offset is refused, since it names no instant.
/// </summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (!TryParse(text, out var instant))
        {
            throw new JsonException("Expected an ISO 8601 instant with Z or an offset.");
        }

        return instant;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrEmpty(text) || !HasZoneDesignator(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        instant = parsed.ToUniversalTime();
        return true;
    }

    // "2026-03-16T09:00:00" parses as local time; demand Z or ±hh:mm after the time part.
    private static bool HasZoneDesignator(string text)
    {
        var timeStart = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (timeStart < 0)
        {
            return false;
        }

        var time = text.AsSpan(timeStart);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') > 0;
    }
}
