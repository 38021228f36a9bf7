using System.Buffers;
using System.Collections;

namespace Slotflow.Api.Operations;

/// <summary>
/// X-Request-Id: a caller's own id is kept when it is safe to log (1–128 of letters, digits, '.', '_', '-', ':'),
/// otherwise one is made. It is the request's TraceIdentifier from the start (<see cref="RequestIdHttpContextFactory"/>),
/// named in a 500's message, sent back on every response, and in the logging scope of everything logged while the
/// request runs.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-:");

    public async Task InvokeAsync(HttpContext context)
    {
        var id = context.TraceIdentifier;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });

        // ASP.NET Core's hosting scope names the id too, but only while its own logger is enabled; this one always does.
        using (logger.BeginScope(new RequestIdScope(id)))
        {
            await next(context);
        }
    }

    /// <summary>The request's id: the caller's X-Request-Id when it is valid, otherwise a new one.</summary>
    public static string For(HttpRequest request)
    {
        var incoming = request.Headers[HeaderName].ToString();
        return IsValid(incoming) ? incoming : Guid.NewGuid().ToString("N");
    }

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && !id.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>A scope that structured formatters read as RequestId = id and the simple console prints as "RequestId:id".</summary>
    private sealed class RequestIdScope(string id) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public int Count => 1;

        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new("RequestId", id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"RequestId:{id}";
    }
}
