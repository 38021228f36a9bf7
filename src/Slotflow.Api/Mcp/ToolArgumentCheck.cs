using System.Text.Json;
using ModelContextProtocol.Protocol;
using Slotflow.Api.Errors;

namespace Slotflow.Api.Mcp;

/// <summary>
/// Checks a tool call's arguments against the tool's own input schema before they are bound, so that a missing
/// argument, one of the wrong JSON type, or one the tool does not take is a VALIDATION_ERROR naming it, as REST names
/// a field, rather than the SDK's "An error occurred invoking" without a name.
/// </summary>
public static class ToolArgumentCheck
{
    public static ErrorBody? Refusal(string tool, JsonElement schema, IEnumerable<KeyValuePair<string, JsonElement>>? arguments)
    {
        var given = arguments?.Where(a => a.Value.ValueKind != JsonValueKind.Null).ToDictionary(a => a.Key, a => a.Value) ?? [];
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var errors = new List<FieldError>();

        if (schema.TryGetProperty("required", out var required))
        {
            errors.AddRange(required.EnumerateArray()
                .Select(r => r.GetString() ?? string.Empty)
                .Where(name => !given.ContainsKey(name))
                .Select(name => new FieldError(name, $"{name} is required.")));
        }

        foreach (var (name, value) in given)
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var property))
            {
                var known = properties.ValueKind == JsonValueKind.Object ? string.Join(", ", properties.EnumerateObject().Select(o => o.Name)) : "none";
                errors.Add(new FieldError(name, $"{name} is not an argument of {tool}, which takes: {known}."));
            }
            else if (ExpectedType(property) is { } expected && !Is(value, expected))
            {
                errors.Add(new FieldError(name, $"{name} must be {Article(expected)}."));
            }
            else if (value.ValueKind == JsonValueKind.Array && property.TryGetProperty("items", out var items) && ExpectedType(items) is { } itemType
                && value.EnumerateArray().Any(item => !Is(item, itemType)))
            {
                errors.Add(new FieldError(name, $"{name} must be an array of {itemType}s."));
            }
        }

        return errors.Count == 0
            ? null
            : new ErrorBody(ApiErrors.ValidationError, errors[0].Message, StatusCodes.Status422UnprocessableEntity, errors);
    }

    /// <summary>The one JSON type a schema allows besides null; none when it allows any.</summary>
    private static string? ExpectedType(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        var nonNull = types.Where(t => t != "null").ToList();
        return nonNull.Count == 1 ? nonNull[0] : null;
    }

    private static bool Is(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };

    private static string Article(string type) => type is "array" or "object" or "integer" ? $"an {type}" : $"a {type}";
}
