using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Slotflow.Domain.Common;

namespace Slotflow.Api.Errors;

/// <summary>Maps the closed set of known exceptions to the envelope; anything else is a logged 500 without internals.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        await ApiErrors.WriteAsync(httpContext, ToError(httpContext, exception, logger));
        return true;
    }

    /// <summary>The error body of an exception of a request (also of an MCP tool call); a bug is logged with the request id.</summary>
    public static ErrorBody ToError(HttpContext context, Exception exception, ILogger logger)
    {
        switch (exception)
        {
            case ValidationException validation:
                var details = validation.Errors
                    .Select(e => new FieldError(e.PropertyName, e.ErrorMessage))
                    .ToList();
                var message = details.Count > 0 ? details[0].Message : "The request is invalid.";
                return new ErrorBody(ApiErrors.ValidationError, message, StatusCodes.Status422UnprocessableEntity, details);

            case DomainException domain:
                return ApiErrors.Body(domain);

            case BadHttpRequestException badRequest:
                return ApiErrors.ForStatus(context, badRequest.StatusCode);

            default:
                logger.LogError(exception, "Unhandled exception for {Method} {Path}, request {RequestId}", context.Request.Method, context.Request.Path, context.TraceIdentifier);
                return new ErrorBody("INTERNAL_ERROR", $"An unexpected error occurred. Request id: {context.TraceIdentifier}.", StatusCodes.Status500InternalServerError);
        }
    }
}
