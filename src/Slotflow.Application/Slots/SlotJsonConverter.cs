using System.Text.Json;
using System.Text.Json.Serialization;
using Slotflow.Application.Common;

namespace Slotflow.Application.Slots;

/// <summary>
/// Writes a slot straight to the wire: a month of slots is hundreds of them per response, and the general object
/// converter's per-property work was the largest part of writing one. Slots are only ever written.
/// </summary>
public sealed class SlotJsonConverter : JsonConverter<SlotDto>
{
    private static readonly JsonEncodedText StartsAt = JsonEncodedText.Encode("starts_at");
    private static readonly JsonEncodedText EndsAt = JsonEncodedText.Encode("ends_at");

    public override SlotDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Slots are not read from JSON.");

    public override void Write(Utf8JsonWriter writer, SlotDto value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(StartsAt);
        UtcInstantJsonConverter.WriteInstant(writer, value.StartsAt);
        writer.WritePropertyName(EndsAt);
        UtcInstantJsonConverter.WriteInstant(writer, value.EndsAt);
        writer.WriteEndObject();
    }
}
