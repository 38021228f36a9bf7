using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Slotflow.Domain.Organizations;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Infrastructure.Authentication;

/// <summary>Authenticates "Authorization: Bearer sk_live_…" by the key's hash; the principal carries the key's organization.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SlotflowDbContext db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string OrganizationClaim = "slotflow:organization";
    public const string ApiKeyClaim = "slotflow:api_key";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Not a bearer token.");
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (!ApiKeySecret.IsWellFormed(key))
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var hash = ApiKeySecret.Hash(key);
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.OrganizationId })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(OrganizationClaim, found.OrganizationId.ToString()), new Claim(ApiKeyClaim, found.Id.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
