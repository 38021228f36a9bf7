using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Slotflow.Api.Errors;
using Slotflow.Infrastructure.Authentication;

namespace Slotflow.Api.Operations;

/// <summary>Configuration section "RateLimits": a token bucket per API key.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sustained requests per second per key; far above what an agent booking for people does.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a key may send at once after being idle.</summary>
    public int Burst { get; set; } = 200;
}

/// <summary>Per-API-key rate limits, answered with 429 RATE_LIMITED and Retry-After (spec §3). Requests without a valid key are not counted: they get 401.</summary>
public static class RateLimits
{
    public static IServiceCollection AddSlotflowRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.PermitsPerSecond > 0 && o.Burst > 0, "RateLimits: PermitsPerSecond and Burst must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var key = context.User.FindFirst(ApiKeyAuthenticationHandler.ApiKeyClaim)?.Value;
                if (key is null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiErrors.WriteAsync(rejected.HttpContext, new ErrorBody(
                    "RATE_LIMITED", $"Too many requests for this API key; retry after {seconds} s.", StatusCodes.Status429TooManyRequests));
            };
        });
        return services;
    }
}
