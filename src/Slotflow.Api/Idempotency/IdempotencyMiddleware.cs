using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Extensions.Options;
using Slotflow.Api.Controllers;
using Slotflow.Api.Errors;
using Slotflow.Infrastructure.Authentication;
using Slotflow.Infrastructure.Idempotency;

namespace Slotflow.Api.Idempotency;

/// <summary>
/// Idempotency-Key on POST (spec §6.2): a repeat of the same request within 24 hours replays the stored response
/// without running again; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED. Only successful
/// responses are stored, so a request that failed (validation included) can be retried with its key. The answer of
/// a command is stored by its own transaction (<see cref="PendingIdempotentAnswer"/>): what the action will answer
/// (its success status, from the action's declared responses, and its body, written with the response JSON options)
/// is known here, and the value the command's transaction returns is that body.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public async Task InvokeAsync(
        HttpContext context, IdempotencyStore store, PendingIdempotentAnswer answer, IOptions<MvcOptions> mvc)
    {
        // Only the REST actions: an MCP tool takes its key as an argument (idempotency_key).
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(HeaderName, out var values)
            || context.User.FindFirst(ApiKeyAuthenticationHandler.OrganizationClaim) is null
            || context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is null)
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
        var requestHash = await HashRequestAsync(context.Request);
        var outcome = await store.BeginAsync(organizationId, key, requestHash, context.RequestAborted);
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

        if (DeclaredSuccess(context) is { } success)
        {
            var options = ResponseJson(mvc.Value);
            answer.Expect(organizationId, key, requestHash, success.StatusCode, success.Type, value => JsonSerializer.Serialize(value, value.GetType(), options));
        }

        await RunAndRecordAsync(context, store, answer, organizationId, key, requestHash);
    }

    private async Task RunAndRecordAsync(
        HttpContext context, IdempotencyStore store, PendingIdempotentAnswer answer, Guid organizationId, string key, string requestHash)
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
            // for the claim to lapse rather than doing the work a second time at once. A command's answer has
            // normally committed with its work already; it is written here only if not, or if the response came out
            // otherwise. Releasing forgets only a claim without an answer, so a failure after the work committed
            // (the answer with it) leaves the answer to be replayed.
            if (succeeded)
            {
                var (status, body) = (context.Response.StatusCode, Encoding.UTF8.GetString(captured.ToArray()));
                if (answer.Recorded != (status, body))
                {
                    await store.CompleteAsync(organizationId, key, requestHash, status, body, CancellationToken.None);
                }
            }
            else if (!answer.IsRecorded)
            {
                await store.ReleaseAsync(organizationId, key, CancellationToken.None);
            }
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>
    /// The options the controllers' JSON output formatter writes with: the configured ones, but with the relaxed
    /// encoder the formatter puts in when none is configured, which only the formatter's own copy has.
    /// </summary>
    private static JsonSerializerOptions ResponseJson(MvcOptions mvc) =>
        mvc.OutputFormatters.OfType<SystemTextJsonOutputFormatter>().First().SerializerOptions;

    /// <summary>The action's success status and body type, as ApiResponsesConvention declares them; null off the controllers.</summary>
    private static ProducesResponseTypeAttribute? DeclaredSuccess(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>()?.FilterDescriptors
            .Select(f => f.Filter)
            .OfType<ProducesResponseTypeAttribute>()
            .FirstOrDefault(p => p.StatusCode is >= 200 and < 300);

    public static bool IsValidKey(string key) =>
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
