using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Slotflow.Api.Errors;

/// <summary>
/// Turns what MVC could not bind (no body, malformed JSON, a wrong JSON type, an unsupported Content-Type)
/// into 422 VALIDATION_ERROR naming the field, instead of ASP.NET's 400 or 415.
/// </summary>
public static class InvalidRequestResponse
{
    public static IActionResult Create(ActionContext context)
    {
        var errors = context.ModelState
            .SelectMany(entry => entry.Value is { Errors.Count: > 0 } state ? [(entry.Key, Error: state.Errors[0])] : Array.Empty<(string Key, ModelError Error)>())
            .ToList();

        // A wrong-typed field is reported both under its JSON path and as an unreadable body: keep the precise one.
        // Broken JSON also carries a path (where the reader stopped), but then the fault is the whole body's.
        List<FieldError> details = errors.Any(e => e.Error.Exception is UnsupportedContentTypeException)
            ? [new FieldError("body", "The request body must be sent with Content-Type: application/json.")]
            : [.. errors.Where(e => e.Key.StartsWith("$.", StringComparison.Ordinal)).Select(e => DescribeField(e.Key[2..], e.Error)).OfType<FieldError>()];
        if (details.Count == 0)
        {
            details = [new FieldError("body", "The request body is missing or is not a valid JSON object.")];
        }

        var error = new ErrorBody(ApiErrors.ValidationError, details[0].Message, StatusCodes.Status422UnprocessableEntity, details);
        return new ObjectResult(new ErrorEnvelope(error)) { StatusCode = error.Status };
    }

    // System.Text.Json's messages are the only signal that tells a wrong value from a broken document.
    private static FieldError? DescribeField(string field, ModelError error)
    {
        var message = error.Exception?.Message ?? error.ErrorMessage;
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return new FieldError(field, $"{field} has a value of the wrong JSON type or form.");
        }

        return message.StartsWith("Duplicate property", StringComparison.Ordinal)
            ? new FieldError(field, $"{field} appears more than once or holds a property twice.")
            : null;
    }
}
