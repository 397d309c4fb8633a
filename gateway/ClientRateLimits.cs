using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Gateway;

/// <summary>
/// Per-client limits on the routes to the services (configuration section <c>RateLimits</c>): a token bucket per client,
/// refilled every second; over it, 429 <c>rate_limit.exceeded</c> with Retry-After. The gateway's own health and index
/// are not limited.
/// </summary>
internal static class ClientRateLimits
{
    public const string Policy = "per-client";

    public static void AddClientRateLimits(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = limits.PerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
            options.OnRejected = async (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemCodes.Problem(StatusCodes.Status429TooManyRequests, "rate_limit.exceeded",
                    $"Too many requests from this client; try again in {seconds} s.").ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    /// <summary>
    /// Who a request counts against: the caller's credentials when it sends any (hashed, never parsed or kept), else its
    /// address. The one place to change when the gateway reads the token's client_id claim.
    /// </summary>
    public static string ClientKey(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization
            ? "auth:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)))
            : "ip:" + context.Connection.RemoteIpAddress;

    /// <summary>Requests per second a client may keep up, and how many it may send at once on top.</summary>
    private sealed record RateLimitOptions
    {
        public int PerSecond { get; init; } = 50;

        public int Burst { get; init; } = 100;
    }
}
