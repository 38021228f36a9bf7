using Slotflow.Infrastructure.Authentication;

namespace Slotflow.Api.Controllers;

internal static class AdminFallback
{
    public const string Prefix = "/admin";

    /// <summary>
    /// An unknown path under /admin/v1 (e.g. an organization id that is not a UUID) is authorized like the Admin API,
    /// so an admin key gets 404 there rather than the customer scheme's 401; without an admin key it stays 401.
    /// </summary>
    public static IEndpointConventionBuilder MapAdminFallback(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallback("admin/v1/{**path}", context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            })
            .RequireAuthorization(AdminKeyAuthenticationHandler.PolicyName);

    public static bool IsAdminRequest(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
