using System.Security.Claims;
using Slotflow.Infrastructure.Authentication;

namespace Slotflow.Api.Controllers;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The organization of the API key that authenticated this request.</summary>
    public static Guid OrganizationId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.OrganizationClaim)
            ?? throw new InvalidOperationException("The request was not authenticated with an API key."));
}
