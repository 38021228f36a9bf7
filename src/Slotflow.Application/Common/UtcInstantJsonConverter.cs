using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slotflow.Application.Common;

/// <summary>
/// Instants on the wire: written as UTC with milliseconds and Z; read from any ISO 8601 instant with Z or an
/// explicit offset. A local time without an offset is refused, since it names no instant.
/// </summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>Starts like System.Text.Json's own conversion errors, so the 422 names the field like theirs.</summary>
    public const string InvalidMessage = "The JSON value could not be converted to an instant: expected ISO 8601 with Z or an offset.";

    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (!WireInstant.TryParse(text, out var instant))
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
}
