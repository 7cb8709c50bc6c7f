using System.Diagnostics;
using Match.Api.Security;

namespace Match.Api.Infrastructure;

/// <summary>Console logs that carry the request id in every line: JSON outside Development, one readable line in it.</summary>
public static partial class LoggingSetup
{
    public const string RequestIdHeader = "X-Request-Id";

    public static WebApplicationBuilder AddMatchLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.IncludeScopes = true;
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }

    /// <summary>
    /// One log line per request with its route template (never the raw path or query), status, duration and API key id, and the
    /// request id returned as <c>X-Request-Id</c>. Bodies and headers are never logged.
    /// </summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();
        return app;
    }

    private sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var started = Stopwatch.GetTimestamp();
            context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
            try
            {
                await next(context);
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                Answered(
                    logger,
                    context.Request.Method,
                    route,
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    context.User.ApiKeyId() ?? "none");
            }
        }

        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms for key {KeyId}")]
        private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMilliseconds, string keyId);
    }
}
