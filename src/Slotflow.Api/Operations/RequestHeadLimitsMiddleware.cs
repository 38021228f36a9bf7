using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Slotflow.Api.Errors;

namespace Slotflow.Api.Operations;

/// <summary>
/// The limits on a request's line and headers, kept here so that going over them is answered in the envelope
/// (414 URI_TOO_LONG, 431 HEADERS_TOO_LARGE). Kestrel refuses a request over its own limits before any application
/// code runs, with an empty body; so its limits are raised to <see cref="KestrelFactor"/> times these, and only a
/// request beyond those gets Kestrel's bare answer.
/// </summary>
public sealed class RequestHeadLimitsMiddleware(RequestDelegate next)
{
    /// <summary>The request line, "GET /path?query HTTP/1.1" with its CRLF (Kestrel's default).</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>Header lines, each counted as name, ": ", value and CRLF (Kestrel's default).</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    public const int MaxHeaderCount = 100;

    public const int KestrelFactor = 4;

    public static void RaiseKestrelLimits(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = KestrelFactor * MaxRequestLineBytes;
        limits.MaxRequestHeadersTotalSize = KestrelFactor * MaxHeaderBytes;
        limits.MaxRequestHeaderCount = KestrelFactor * MaxHeaderCount;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var status = Check(context);
        return status is { } refused ? ApiErrors.WriteAsync(context, ApiErrors.ForStatus(context, refused)) : next(context);
    }

    private static int? Check(HttpContext context)
    {
        var request = context.Features.GetRequiredFeature<IHttpRequestFeature>();
        // Two spaces and a CRLF; the target is ASCII, as Kestrel requires.
        var requestLine = request.Method.Length + request.RawTarget.Length + request.Protocol.Length + 4;
        if (requestLine > MaxRequestLineBytes)
        {
            return StatusCodes.Status414UriTooLong;
        }

        var count = 0;
        var bytes = 0L;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                count++;
                bytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        return count > MaxHeaderCount || bytes > MaxHeaderBytes ? StatusCodes.Status431RequestHeaderFieldsTooLarge : null;
    }
}
