using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Match.Api.Infrastructure;

/// <summary>Request body limits in bytes (section <c>Match:Limits</c>); each endpoint with a body picks one with <c>WithBodyLimit</c>.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Match:Limits";

    /// <summary>Largest job posting body accepted, in bytes (default 256 KiB).</summary>
    public long MaxPostingBytes { get; set; } = 256 * 1024;
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
            .ValidateOnStart();
        return services;
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
            if (metadata is null)
            {
                await next(context);
                return;
            }

            var max = metadata.Select(limits.CurrentValue);
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
