using System.Data.Common;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
    SlotflowDbContext db,
    ApiKeyCache cache,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string OrganizationClaim = "slotflow:organization";
    public const string ApiKeyClaim = "slotflow:api_key";

    /// <summary>last_used_at is recorded at most this often per key, so most requests only read.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    // Compiled: every customer request runs it.
    private static readonly Func<SlotflowDbContext, string, CancellationToken, Task<ActiveApiKey?>> ActiveKeyQuery =
        EF.CompileAsyncQuery((SlotflowDbContext db, string hash, CancellationToken _) =>
            db.ApiKeys.AsNoTracking()
                .Where(k => k.Hash == hash && k.RevokedAt == null)
                .Select(k => new ActiveApiKey(k.Id, k.OrganizationId, k.LastUsedAt))
                .FirstOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerToken.TryRead(Request, out var key, out var unread))
        {
            return unread;
        }

        if (!ApiKeySecret.IsWellFormed(key))
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var hash = ApiKeySecret.Hash(key);
        var now = clock.GetUtcNow();
        if (!cache.TryGet(hash, now, out var found))
        {
            var read = await ActiveKeyQuery(db, hash, Context.RequestAborted);
            if (read is null)
            {
                return AuthenticateResult.Fail("Unknown or revoked API key.");
            }

            cache.Keep(hash, read, now);
            found = read;
        }

        if (found.LastUsedAt is not { } lastUsed || lastUsed <= now - LastUsedResolution)
        {
            await RecordUseAsync(found.Id, now);
            cache.NoteUse(hash, now);
        }

        var identity = new ClaimsIdentity(
            [new Claim(OrganizationClaim, found.OrganizationId.ToString()), new Claim(ApiKeyClaim, found.Id.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>
    /// One conditional UPDATE, outside the request's unit of work: of concurrent requests only one writes, and a
    /// failure (e.g. a busy database) costs the request nothing but a stale last_used_at.
    /// </summary>
    private async Task RecordUseAsync(Guid apiKeyId, DateTimeOffset now)
    {
        var threshold = now - LastUsedResolution;
        try
        {
            using var gate = await db.EnterWriteAsync(Context.RequestAborted);
            await db.ApiKeys
                .Where(k => k.Id == apiKeyId && (k.LastUsedAt == null || k.LastUsedAt <= threshold))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }
        catch (Exception fault) when (fault is DbException or RetryLimitExceededException)
        {
            Logger.LogWarning(fault, "Could not record the last use of API key {ApiKeyId}.", apiKeyId);
        }
    }
}
