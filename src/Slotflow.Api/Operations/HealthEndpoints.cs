using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Slotflow.Api.Errors;
using Slotflow.Infrastructure;

namespace Slotflow.Api.Operations;

/// <summary>/health/live (the process serves) and /health/ready (and its database answers); no key needed.</summary>
public static class HealthEndpoints
{
    private static readonly HttpMethodMetadata ReadOnlyMethods = new([HttpMethods.Get, HttpMethods.Head]);

    public static void MapSlotflowHealth(this IEndpointRouteBuilder endpoints)
    {
        // GET and HEAD only: any other method is 405 in the envelope, as everywhere else.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().WithMetadata(ReadOnlyMethods);
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(DependencyInjection.ReadyTag),
            ResponseWriter = WriteAsync,
        }).AllowAnonymous().WithMetadata(ReadOnlyMethods);

        // Without a key too: routing's own 405 would first ask for one, and these paths need none.
        endpoints.MapMethods("/health/{check:regex(^(live|ready)$)}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext context) =>
            {
                context.Response.Headers.Allow = "GET, HEAD";
                return ApiErrors.WriteAsync(context, ApiErrors.ForStatus(context, StatusCodes.Status405MethodNotAllowed));
            })
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "healthy" : "unhealthy"),
        });
}
