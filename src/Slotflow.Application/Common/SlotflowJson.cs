using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slotflow.Application.Common;

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

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
