using System.Text.Json;
using System.Text.Unicode;
using Slotflow.Api.Errors;
using Slotflow.Domain.Common;

namespace Slotflow.Api.Operations;

/// <summary>
/// Text that cannot be stored or answered is refused before anything is written (the idempotency claim included):
/// a query parameter given twice or not valid Unicode, a JSON body that is not valid UTF-8, holds a string or property
/// name that is not valid Unicode (an escaped unpaired surrogate such as \ud800, at any depth), or nests deeper than
/// <see cref="MaxDepth"/>. Each is 422 VALIDATION_ERROR naming the parameter or field. A body that is not JSON at all
/// is left to model binding, which answers it as before.
/// </summary>
public sealed class RequestTextGuardMiddleware(RequestDelegate next)
{
    /// <summary>Levels of objects and arrays a body may nest, the body itself being the first (MVC's JSON input limit).</summary>
    public const int MaxDepth = 32;

    public async Task InvokeAsync(HttpContext context)
    {
        var error = CheckQuery(context.Request.Query) ?? await CheckBodyAsync(context.Request);
        if (error is not null)
        {
            await ApiErrors.WriteAsync(context, new ErrorBody(
                ApiErrors.ValidationError, error.Message, StatusCodes.Status422UnprocessableEntity, [error]));
            return;
        }

        await next(context);
    }

    private static FieldError? CheckQuery(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if (!UnicodeText.IsWellFormed(key))
            {
                return new FieldError("query", "A query parameter's name is not valid Unicode text.");
            }

            if (values.Count > 1)
            {
                return new FieldError(key, $"{key} must be given at most once.");
            }

            if (!UnicodeText.IsWellFormed(values.ToString()))
            {
                return new FieldError(key, $"{key} must be valid Unicode text.");
            }
        }

        return null;
    }

    private static async Task<FieldError?> CheckBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || !request.HasJsonContentType())
        {
            return null;
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        if (buffer.Length == 0)
        {
            return null;
        }

        var body = new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        return Utf8.IsValid(body)
            ? CheckJson(body)
            : new FieldError("body", "The request body must be valid UTF-8 text.");
    }

    private static FieldError? CheckJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        var open = new List<(string Name, bool IsArray)>(); // the containers around the reader, the body first
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (open.Count >= MaxDepth)
                        {
                            var top = open[1].Name; // the body's field that holds the deepest nesting
                            return new FieldError(top, $"{top} nests too deeply: a request body may nest objects and arrays at most {MaxDepth} levels deep.");
                        }

                        open.Add((open.Count == 0 ? "" : NameOfValue(open, property), reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.RemoveAt(open.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (!TryReadText(ref reader, out property))
                        {
                            return Invalid(open[^1].Name is { Length: > 0 } name ? name : "body");
                        }

                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped && !TryReadText(ref reader, out _):
                        return Invalid(NameOfValue(open, property));
                }
            }
        }
        catch (JsonException)
        {
            return null; // not JSON: model binding answers it
        }

        return null;
    }

    /// <summary>
    /// Unescaped, the text must be valid UTF-16: valid UTF-8 bytes always are, so an escaped unpaired surrogate is the
    /// one way JSON can carry invalid text.
    /// </summary>
    private static bool TryReadText(ref Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return text is null || UnicodeText.IsWellFormed(text);
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private static FieldError Invalid(string field) =>
        new(field, $"{field} must be valid Unicode text: it holds an unpaired surrogate (such as \\ud800).");

    /// <summary>The wire name of the value being read: "attendee_name", "metadata.notes"; an array's items go by the array's name.</summary>
    private static string NameOfValue(List<(string Name, bool IsArray)> open, string? property)
    {
        var (container, isArray) = open[^1];
        return isArray ? (container.Length > 0 ? container : "body")
            : container.Length > 0 ? $"{container}.{property}" : property ?? "body";
    }
}
