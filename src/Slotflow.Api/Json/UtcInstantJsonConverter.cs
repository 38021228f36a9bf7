using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Slotflow.Api.Json;

/// <summary>
/// Instants on the wire: written as UTC with milliseconds and Z; read from any ISO 8601 instant with Z or an
/// explicit offset. A local time without an offset is refused, since it names no instant.
/// </summary>
public sealed partial class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>Starts like System.Text.Json's own conversion errors, so the 422 names the field like theirs.</summary>
    public const string InvalidMessage = "The JSON value could not be converted to an instant: expected ISO 8601 with Z or an offset.";

    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (!TryParse(text, out var instant))
        {
            throw new JsonException(InvalidMessage);
        }

        return instant;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        // Formatted on the stack: a month of slots writes hundreds of instants per response.
        Span<char> text = stackalloc char[24];
        value.UtcDateTime.TryFormat(text, out var written, OutputFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is null || !IsoInstant().IsMatch(text))
        {
            return false;
        }

        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
        instant = instant.ToUniversalTime();
        return parsed;
    }

    // Date, time to the minute or finer, and a zone designator (Z or ±hh:mm): nothing looser is an instant here.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();
}
