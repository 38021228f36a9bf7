using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Slotflow.Api.Errors;

namespace Slotflow.Api.Operations;

/// <summary>
/// Declares every action's responses for the OpenAPI document, from the rules the API keeps rather than attributes
/// repeated on each action: its success status and body, and the error envelope for each status it can answer.
/// </summary>
public sealed class ApiResponsesConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        var body = Unwrap(action.ActionMethod.ReturnType);
        var success = action.ActionName switch
        {
            "Create" or "CreateFirstAvailable" or "Confirm" => StatusCodes.Status201Created,
            "RetryDelivery" => StatusCodes.Status202Accepted,
            _ => StatusCodes.Status200OK,
        };
        action.Filters.Add(new ProducesResponseTypeAttribute(body, success, "application/json"));

        var errors = new List<int> { StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status500InternalServerError };
        if (!action.Controller.ControllerName.StartsWith("Admin", StringComparison.Ordinal))
        {
            errors.Add(StatusCodes.Status429TooManyRequests); // rate limits are per customer key
        }

        if (Templates(action).Any(t => t.Contains('{', StringComparison.Ordinal)) || action.ActionName is "Check" or "GetPooled")
        {
            errors.Add(StatusCodes.Status404NotFound);
        }

        if ((action.ActionName == "Create" && action.Controller.ControllerName is "Humans" or "Webhooks" or "Bookings" or "Holds")
            || action.ActionName is "Confirm" or "CreateFirstAvailable")
        {
            errors.Add(StatusCodes.Status402PaymentRequired);
        }

        if ((action.ActionName == "Create" && action.Controller.ControllerName is "Bookings" or "Holds")
            || action.ActionName is "Confirm" or "Reschedule" or "CreateFirstAvailable" || (action.ActionName == "Release" && action.Controller.ControllerName == "Holds"))
        {
            errors.Add(StatusCodes.Status409Conflict);
        }

        foreach (var status in errors)
        {
            action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ErrorEnvelope), status, "application/json"));
        }
    }

    private static IEnumerable<string> Templates(ActionModel action) =>
        action.Selectors.Concat(action.Controller.Selectors).Select(s => s.AttributeRouteModel?.Template ?? string.Empty);

    private static Type Unwrap(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            type = type.GetGenericArguments()[0];
        }

        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ActionResult<>) ? type.GetGenericArguments()[0] : type;
    }
}
