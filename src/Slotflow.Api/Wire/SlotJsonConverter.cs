using System.Text.Json;
using System.Text.Json.Serialization;
using Slotflow.Application.Slots;

namespace Slotflow.Api.Wire;

/// <summary>
/// Writes a slot straight to the wire: a month of slots is hundreds of them per response, and the general object
/// converter's per-property work, and the writer's escaping checks of each instant, were most of writing one. Slots
/// are only ever written.
/// </summary>
public sealed class SlotJsonConverter : JsonConverter<SlotDto>
{
    private static readonly byte[] Start = "{\"starts_at\":\""u8.ToArray();
    private static readonly byte[] Middle = "\",\"ends_at\":\""u8.ToArray();
    private static readonly byte[] End = "\"}"u8.ToArray();
    private static readonly int Length = Start.Length + Middle.Length + End.Length + (2 * UtcInstantJsonConverter.InstantLength);

    public override SlotDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Slots are not read from JSON.");

    /// <summary>The whole object in one raw write: its text is built here and needs no escaping or validation.</summary>
    public override void Write(Utf8JsonWriter writer, SlotDto value, JsonSerializerOptions options)
    {
        Span<byte> json = stackalloc byte[Length];
        var at = Append(json, 0, Start);
        UtcInstantJsonConverter.FormatInstant(json[at..], value.StartsAt);
        at = Append(json, at + UtcInstantJsonConverter.InstantLength, Middle);
        UtcInstantJsonConverter.FormatInstant(json[at..], value.EndsAt);
        Append(json, at + UtcInstantJsonConverter.InstantLength, End);
        writer.WriteRawValue(json, skipInputValidation: true);
    }

    private static int Append(Span<byte> target, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(target[at..]);
        return at + text.Length;
    }
}
