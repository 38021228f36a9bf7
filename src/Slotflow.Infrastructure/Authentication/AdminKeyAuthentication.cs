using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Slotflow.Infrastructure.Authentication;

/// <summary>Admin:ApiKeys: the plaintext keys that open the Admin API (/admin/v1). None configured, no admin access.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Shorter keys are refused at startup: an admin key opens every organization.</summary>
    public const int MinKeyLength = 32;

    public IList<string> ApiKeys { get; } = [];

    public bool IsValid() => ApiKeys.All(k => k is not null && k.Length >= MinKeyLength && !k.Any(char.IsWhiteSpace));
}

/// <summary>
/// Authenticates "Authorization: Bearer &lt;admin key&gt;" against the configured admin keys, in constant time. It is a
/// scheme of its own: the customer scheme never accepts an admin key, and this one never accepts a customer key.
/// </summary>
public sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AdminOptions> admin) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminKey";
    public const string PolicyName = "Admin";
    public const string AdminClaim = "slotflow:admin";

    /// <summary>The default scheme: forwards to this scheme under <see cref="PathPrefix"/> and to the customer scheme elsewhere.</summary>
    public const string SelectorSchemeName = "Slotflow";

    public const string PathPrefix = "/admin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerToken.TryRead(Request, out var presented, out var unread))
        {
            return Task.FromResult(unread);
        }

        if (!Matches(presented, admin.CurrentValue.ApiKeys))
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown admin key."));
        }

        var identity = new ClaimsIdentity([new Claim(AdminClaim, "true")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>Whether a request is for the Admin API, whose keys are the admin keys and never a customer's.</summary>
    public static bool IsAdminRequest(HttpRequest request) => request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Compares fixed-length digests with <see cref="CryptographicOperations.FixedTimeEquals"/> and checks every
    /// configured key, so neither a key's length nor which key matched shows in the time taken.
    /// </summary>
    public static bool Matches(string presented, IEnumerable<string> configured)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var found = false;
        foreach (var key in configured)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                continue;
            }

            found |= CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return found && presented.Length > 0;
    }
}
