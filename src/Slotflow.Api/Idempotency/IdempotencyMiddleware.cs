using System.Security.Cryptography;
using System.Text;
using Slotflow.Api.Controllers;
using Slotflow.Api.Errors;
using Slotflow.Infrastructure.Authentication;
using Slotflow.Infrastructure.Idempotency;

namespace Slotflow.Api.Idempotency;

/// <summary>
/// Idempotency-Key on POST (spec §6.2): a repeat of the same request within 24 hours replays the stored response
/// without running again; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED. Only successful
/// responses are stored, so a request that failed (validation included) can be retried with its key.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(HeaderName, out var values)
            || context.User.FindFirst(ApiKeyAuthenticationHandler.OrganizationClaim) is null)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || !IsValidKey(key))
        {
            await ApiErrors.WriteAsync(context, ApiErrors.InvalidIdempotencyKey());
            return;
        }

        var organizationId = context.User.OrganizationId();
        var outcome = await store.BeginAsync(organizationId, key, await HashRequestAsync(context.Request), context.RequestAborted);
        switch (outcome.Result)
        {
            case IdempotencyOutcome.Kind.Reused:
                await ApiErrors.WriteAsync(context, ApiErrors.IdempotencyKeyReused());
                return;
            case IdempotencyOutcome.Kind.Replay:
                context.Response.StatusCode = outcome.Status;
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.Headers[ReplayedHeaderName] = "true";
                await context.Response.WriteAsync(outcome.Body, context.RequestAborted);
                return;
        }

        await RunAndRecordAsync(context, store, organizationId, key);
    }

    private async Task RunAndRecordAsync(HttpContext context, IdempotencyStore store, Guid organizationId, string key)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var succeeded = false;
        try
        {
            await next(context);
            succeeded = context.Response.StatusCode is >= 200 and < 300;
        }
        finally
        {
            context.Response.Body = original;

            // CancellationToken.None: once the work is done, its record must be written even if the client left.
            // After a success the claim is never released, even if recording the answer fails: a repeat then waits
            // for the claim to lapse rather than doing the work a second time at once.
            if (succeeded)
            {
                await store.CompleteAsync(organizationId, key, context.Response.StatusCode, Encoding.UTF8.GetString(captured.ToArray()), CancellationToken.None);
            }
            else
            {
                await store.ReleaseAsync(organizationId, key, CancellationToken.None);
            }
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static bool IsValidKey(string key) =>
        key.Length is >= 1 and <= MaxKeyLength && key.All(c => c is >= ' ' and <= '~');

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
