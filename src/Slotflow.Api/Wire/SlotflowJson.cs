using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slotflow.Api.Wire;

/// <summary>The wire format (spec §1): snake_case, nulls always written, strict numbers, instants in UTC with milliseconds.</summary>
public static class SlotflowJson
{
    /// <summary>The options on their own, for payloads written outside a response (webhook bodies).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new UtcInstantJsonConverter());
    }

    /// <summary>
    /// The options for responses: the wire format plus fast writers for what responses carry by the hundred. Kept out
    /// of <see cref="Apply"/> because the OpenAPI document describes types from the options it is given, and a
    /// converter hides a type's properties from it.
    /// </summary>
    public static void ApplyForResponses(JsonSerializerOptions options)
    {
        Apply(options);
        options.Converters.Add(new SlotJsonConverter());
        options.Converters.Add(new PooledSlotJsonConverter());
        options.Converters.Add(new ReadableStringJsonConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Apply(options);
        options.Converters.Add(new ReadableStringJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
