using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Slotflow.Api.Errors;
using Slotflow.Api.Idempotency;
using Slotflow.Infrastructure.Idempotency;

namespace Slotflow.Api.Mcp;

/// <summary>
/// A tool's idempotency_key, with the Idempotency-Key header's semantics (spec §6.2) and its store: a repeat with the
/// same arguments within 24 hours answers the first success again without running; other arguments under the same
/// key are IDEMPOTENCY_KEY_REUSED; a failure frees the key. The answer commits with the work, as on REST.
/// </summary>
public sealed class McpIdempotency(IdempotencyStore store, PendingIdempotentAnswer answer)
{
    /// <summary>What a claimed key's work answers: the stored body (a replay) or the fresh result.</summary>
    public sealed record Outcome<T>(T? Result, JsonElement? Replayed);

    public async Task<Outcome<T>> RunAsync<T>(
        Guid organizationId, string? key, string tool, object arguments, Func<Task<T>> work, Func<T, string> render, CancellationToken cancellationToken)
        where T : class
    {
        if (key is null)
        {
            return new Outcome<T>(await work(), null);
        }

        if (!IdempotencyMiddleware.IsValidKey(key))
        {
            var message = $"idempotency_key must be 1 to {IdempotencyMiddleware.MaxKeyLength} printable ASCII characters.";
            throw new ToolRefusalException(new ErrorBody(
                ApiErrors.ValidationError, message, StatusCodes.Status422UnprocessableEntity, [new FieldError("idempotency_key", message)]));
        }

        var requestHash = Hash(tool, arguments);
        var outcome = await store.BeginAsync(organizationId, key, requestHash, cancellationToken);
        switch (outcome.Result)
        {
            case IdempotencyOutcome.Kind.Reused:
                throw new ToolRefusalException(ApiErrors.IdempotencyKeyReused());
            case IdempotencyOutcome.Kind.Replay:
                using (var stored = JsonDocument.Parse(outcome.Body))
                {
                    return new Outcome<T>(null, stored.RootElement.Clone());
                }
        }

        answer.Expect(organizationId, key, requestHash, StatusCodes.Status201Created, typeof(T), value => render((T)value));
        try
        {
            var result = await work();
            var body = render(result);
            if (answer.Recorded != (StatusCodes.Status201Created, body))
            {
                await store.CompleteAsync(organizationId, key, requestHash, StatusCodes.Status201Created, body, CancellationToken.None);
            }

            return new Outcome<T>(result, null);
        }
        catch when (!answer.IsRecorded)
        {
            await store.ReleaseAsync(organizationId, key, CancellationToken.None);
            throw;
        }
    }

    // Keys are shared with REST within an organization: the tool's name keeps a tool call from matching a REST request.
    private static string Hash(string tool, object arguments) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"MCP {tool}\n{JsonSerializer.Serialize(arguments)}")));
}

/// <summary>A refusal decided at the MCP edge (not by a use case), answered as a tool error with this body.</summary>
public sealed class ToolRefusalException(ErrorBody error) : Exception(error.Message)
{
    public ErrorBody Error { get; } = error;
}
