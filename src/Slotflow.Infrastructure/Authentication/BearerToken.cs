using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Slotflow.Infrastructure.Authentication;

/// <summary>The token of "Authorization: Bearer …", shared by the customer and admin schemes.</summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

    /// <summary>The token, or the result to answer with: no header is no result (401 later), another scheme fails.</summary>
    public static bool TryRead(HttpRequest request, out string token, out AuthenticateResult result)
    {
        var header = request.Headers.Authorization.ToString();
        token = string.Empty;
        result = AuthenticateResult.NoResult();
        if (header.Length == 0)
        {
            return false;
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            result = AuthenticateResult.Fail("Not a bearer token.");
            return false;
        }

        token = header[Prefix.Length..].Trim();
        return true;
    }
}
