using System.Globalization;
using System.Threading.RateLimiting;
using Match.Api.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Match.Api.Security;

/// <summary>Requests allowed per API key (and, for requests without a valid key, per client address) in a fixed window (section <c>Match:RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Match:RateLimit";

    /// <summary>Requests one API key may make per window (default 600).</summary>
    public int PermitsPerKey { get; set; } = 600;

    /// <summary>Requests one client address may make per window without a valid key: health probes and failed attempts (default 120).</summary>
    public int PermitsPerAnonymousClient { get; set; } = 120;

    /// <summary>Window length in seconds (default 60).</summary>
    public int WindowSeconds { get; set; } = 60;
}

public static class RateLimiting
{
    public static IServiceCollection AddMatchRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.PermitsPerKey > 0, $"{RateLimitOptions.Section}:PermitsPerKey must be positive.")
            .Validate(o => o.PermitsPerAnonymousClient > 0, $"{RateLimitOptions.Section}:PermitsPerAnonymousClient must be positive.")
            .Validate(o => o.WindowSeconds > 0, $"{RateLimitOptions.Section}:WindowSeconds must be positive.")
            .ValidateOnStart();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            var window = TimeSpan.FromSeconds(limits.WindowSeconds);
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.ApiKeyId() is { } keyId
                    ? RateLimitPartition.GetFixedWindowLimiter("key:" + keyId, _ => Window(limits.PermitsPerKey, window))
                    : RateLimitPartition.GetFixedWindowLimiter(
                        "client:" + context.Connection.RemoteIpAddress, _ => Window(limits.PermitsPerAnonymousClient, window)));
            limiter.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected.HttpContext, rejected.Lease, window);
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, TimeSpan window)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.WriteProblemAsync(
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"This API key has used its requests for now; retry after {seconds} seconds.");
    }
}
