using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slotflow.Api.Wire;

/// <summary>
/// Instants on the wire: written as UTC with milliseconds and Z; read from any ISO 8601 instant with Z or an
/// explicit offset. A local time without an offset is refused, since it names no instant.
/// </summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>Starts like System.Text.Json's own conversion errors, so the 422 names the field like theirs.</summary>
    public const string InvalidMessage = "The JSON value could not be converted to an instant: expected ISO 8601 with Z or an offset.";

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
        Span<byte> text = stackalloc byte[InstantLength];
        FormatInstant(text, value);
        writer.WriteStringValue(text);
    }

    /// <summary>An instant's text as the wire writes it (for text that quotes an instant, such as an MCP answer).</summary>
    public static string Format(DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[InstantLength];
        FormatInstant(text, value);
        return System.Text.Encoding.ASCII.GetString(text);
    }

    /// <summary>Length of an instant as written, without quotes: 2026-11-24T09:30:00.000Z.</summary>
    public const int InstantLength = 24;

    /// <summary>
    /// Writes the instant's text (no quotes) into the first <see cref="InstantLength"/> bytes, digit by digit: a month
    /// of slots writes hundreds of instants per response, and a custom format string is parsed again on every call.
    /// </summary>
    public static void FormatInstant(Span<byte> text, DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        utc.Deconstruct(out int year, out int month, out int day); // one calendar computation instead of three
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = (byte)'.';
        Digits(text.Slice(20, 3), utc.Millisecond);
        text[23] = (byte)'Z';
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
