using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Slotflow.Application.Slots.GetPooledSlots;

namespace Slotflow.Api.Wire;

/// <summary>
/// Writes a pooled slot straight to the wire, as <see cref="SlotJsonConverter"/> writes a slot: a pool's month is
/// hundreds of slots each naming up to 20 humans, and the general converters' per-element work was most of the
/// answer's cost. Pooled slots are only ever written.
/// </summary>
public sealed class PooledSlotJsonConverter : JsonConverter<PooledSlotDto>
{
    private const int UuidLength = 36;
    private static readonly byte[] Start = "{\"starts_at\":\""u8.ToArray();
    private static readonly byte[] Middle = "\",\"ends_at\":\""u8.ToArray();
    private static readonly byte[] Humans = "\",\"human_ids\":["u8.ToArray();
    private static readonly byte[] End = "]}"u8.ToArray();

    public override PooledSlotDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Pooled slots are not read from JSON.");

    /// <summary>The whole object in one raw write: its text is built here and needs no escaping or validation.</summary>
    public override void Write(Utf8JsonWriter writer, PooledSlotDto value, JsonSerializerOptions options)
    {
        var length = Start.Length + Middle.Length + Humans.Length + End.Length + (2 * UtcInstantJsonConverter.InstantLength)
            + (value.HumanIds.Count * (UuidLength + 3));
        Span<byte> json = length <= 4096 ? stackalloc byte[length] : new byte[length];
        var at = Append(json, 0, Start);
        UtcInstantJsonConverter.FormatInstant(json[at..], value.StartsAt);
        at = Append(json, at + UtcInstantJsonConverter.InstantLength, Middle);
        UtcInstantJsonConverter.FormatInstant(json[at..], value.EndsAt);
        at = Append(json, at + UtcInstantJsonConverter.InstantLength, Humans);
        var first = true;
        foreach (var humanId in value.HumanIds)
        {
            if (!first)
            {
                json[at++] = (byte)',';
            }

            json[at++] = (byte)'"';
            Utf8Formatter.TryFormat(humanId, json[at..], out var written);
            at += written;
            json[at++] = (byte)'"';
            first = false;
        }

        at = Append(json, at, End);
        writer.WriteRawValue(json[..at], skipInputValidation: true);
    }

    private static int Append(Span<byte> target, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(target[at..]);
        return at + text.Length;
    }
}
