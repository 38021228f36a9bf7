using System.Text.Json;
using System.Text.Json.Serialization;
using Slotflow.Domain.Common;

namespace Slotflow.Api.Wire;

/// <summary>Writes every string as valid Unicode (an unpaired surrogate becomes U+FFFD), so no stored text can fail an answer.</summary>
public sealed class ReadableStringJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(UnicodeText.Repair(value));
}
