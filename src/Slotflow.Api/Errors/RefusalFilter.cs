using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Slotflow.Domain.Common;

namespace Slotflow.Api.Errors;

/// <summary>
/// Answers a controller action's refusal (a <see cref="DomainException"/>: 404, 409, 422, …) with the envelope where it
/// is thrown, exactly as <see cref="ApiExceptionHandler"/> would. A rethrow through every middleware frame on the way
/// out cost a refused booking more CPU than its decision did; anything else still goes to the handler.
/// </summary>
public sealed class RefusalFilter : IAsyncExceptionFilter
{
    public async Task OnExceptionAsync(ExceptionContext context)
    {
        if (context.Exception is DomainException refusal && !context.HttpContext.Response.HasStarted)
        {
            // The headers the exception handler middleware puts on every answer it writes, so nothing on the wire moves.
            var headers = context.HttpContext.Response.Headers;
            (headers.CacheControl, headers.Pragma, headers.Expires) = ("no-cache,no-store", "no-cache", "-1");
            await ApiErrors.WriteAsync(context.HttpContext, ApiErrors.Body(refusal));
            context.Result = new EmptyResult();
            context.ExceptionHandled = true;
        }
    }
}
