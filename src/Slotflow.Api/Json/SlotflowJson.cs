using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slotflow.Api.Json;

/// <summary>The wire format (spec §1): snake_case, nulls always written, strict numbers, instants in UTC with milliseconds.</summary>
public static class SlotflowJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new UtcInstantJsonConverter());
    }
}
