using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;
using Microsoft.Extensions.Options;

namespace Match.Api.Infrastructure;

/// <summary>
/// Request limits (section <c>Match:Limits</c>): body sizes in bytes (an endpoint picks one with <c>WithBodyLimit</c>, others get
/// <see cref="MaxRequestBodyBytes"/>), header size, and how long a request may run.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Match:Limits";

    /// <summary>Largest job posting body accepted, in bytes (default 256 KiB).</summary>
    public long MaxPostingBytes { get; set; } = 256 * 1024;

    /// <summary>Largest body of an endpoint that names no limit of its own, in bytes (default 64 KiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest total size of a request's headers, in bytes (default 32 KiB); Kestrel answers 431 beyond it.</summary>
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;

    /// <summary>Longest a request may run, in seconds (default 30); beyond it the request is cancelled and answered 503.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;
}

/// <summary>Endpoint metadata: which limit from <see cref="LimitsOptions"/> applies to this endpoint's body.</summary>
public sealed record BodyLimitMetadata(Func<LimitsOptions, long> Select);

public static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>()
            .BindConfiguration(LimitsOptions.Section)
            .Validate(o => o.MaxPostingBytes > 0, $"{LimitsOptions.Section}:MaxPostingBytes must be positive.")
            .Validate(o => o.MaxRequestBodyBytes > 0, $"{LimitsOptions.Section}:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.MaxRequestHeadersBytes >= 1024, $"{LimitsOptions.Section}:MaxRequestHeadersBytes must be at least 1024.")
            .Validate(o => o.RequestTimeoutSeconds > 0, $"{LimitsOptions.Section}:RequestTimeoutSeconds must be positive.")
            .ValidateOnStart();

        // Oversized headers never reach the app: Kestrel answers 431 itself.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.Value.MaxRequestHeadersBytes;
        });

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<LimitsOptions>>((timeouts, limits) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(limits.Value.RequestTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context => context.WriteProblemAsync(
                    StatusCodes.Status503ServiceUnavailable,
                    "Request timed out",
                    $"The request took longer than {limits.Value.RequestTimeoutSeconds} seconds and was cancelled; nothing was stored.")
                    .AsTask(),
            });
        return services;
    }

    /// <summary>Cancels a request running longer than <see cref="LimitsOptions.RequestTimeoutSeconds"/> (503 problem details); endpoints may set their own with <c>WithRequestTimeout</c>.</summary>
    public static WebApplication UseMatchRequestTimeouts(this WebApplication app)
    {
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>Bodies over the selected limit are answered 413 with problem details before the handler runs.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, Func<LimitsOptions, long> select)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimitMetadata(select)).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    public static WebApplication UseBodyLimits(this WebApplication app)
    {
        app.UseMiddleware<BodyLimitMiddleware>();
        return app;
    }

    private sealed class BodyLimitMiddleware(RequestDelegate next, IOptionsMonitor<LimitsOptions> limits)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var metadata = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimitMetadata>();
            var max = metadata?.Select(limits.CurrentValue) ?? limits.CurrentValue.MaxRequestBodyBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            {
                serverLimit.MaxRequestBodySize = max;
            }

            var declared = context.Request.ContentLength;
            if (declared > max || (declared is null && !await FitsAsync(context.Request, max)))
            {
                await context.WriteProblemAsync(
                    StatusCodes.Status413PayloadTooLarge,
                    "Request body too large",
                    $"The request body is larger than the limit of {max} bytes.");
                return;
            }

            await next(context);
        }

        // A body of unknown length (chunked) is buffered up to the limit, then rewound for the handler.
        private static async Task<bool> FitsAsync(HttpRequest request, long max)
        {
            if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
            {
                return true;
            }

            request.EnableBuffering();
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                long total = 0;
                int read;
                while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
                {
                    total += read;
                    if (total > max)
                    {
                        return false;
                    }
                }
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return false;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            request.Body.Position = 0;
            return true;
        }
    }
}
