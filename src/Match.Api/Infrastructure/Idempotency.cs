using System.Security.Cryptography;
using Match.Api.Security;
using Match.Data.Idempotency;
using Microsoft.Extensions.Options;

namespace Match.Api.Infrastructure;

/// <summary>How long Idempotency-Key answers are kept (section <c>Match:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Match:Idempotency";

    /// <summary>How long a key's answer is replayed (default 24 h).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A key claimed this long ago without an answer belongs to a request that died; a retry runs it again (default 10 min).</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Endpoint metadata: POSTs to this endpoint honour the Idempotency-Key header.</summary>
public sealed class IdempotentMetadata
{
    public static readonly IdempotentMetadata Instance = new();
}

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first answer (status, content type, Location, body) is stored with the key, the method, the
/// path and the SHA-256 of the body; a retry with the same key and body gets that answer again without the work being redone,
/// the same key with another request gets 422, and a retry while the first is still running gets 409. 5xx answers are not kept.
/// </summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;

    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.Retention > TimeSpan.Zero, $"{IdempotencyOptions.Section}:Retention must be positive.")
            .Validate(o => o.AbandonAfter > TimeSpan.Zero, $"{IdempotencyOptions.Section}:AbandonAfter must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IdempotencyStore>();
        return services;
    }

    /// <summary>Honours Idempotency-Key on every POST of this endpoint or group.</summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IdempotentMetadata.Instance);

    public static WebApplication UseIdempotency(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    private sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, IOptionsMonitor<IdempotencyOptions> options)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var request = context.Request;
            if (!HttpMethods.IsPost(request.Method)
                || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentMetadata>() is null
                || !request.Headers.TryGetValue(HeaderName, out var values))
            {
                await next(context);
                return;
            }

            var key = values.ToString();
            if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
            {
                await context.WriteProblemAsync(
                    StatusCodes.Status400BadRequest, "Invalid Idempotency-Key", $"The {HeaderName} header must be 1-{MaxKeyLength} printable characters.");
                return;
            }

            var cancellationToken = context.RequestAborted;
            // Keys are per API key: two callers who pick the same key never see each other's answers.
            key = $"{context.User.ApiKeyId() ?? "-"}:{key}";
            var idempotent = new IdempotentRequest(key, request.Method, request.Path + request.QueryString, await HashBodyAsync(request, cancellationToken));
            var settings = options.CurrentValue;
            var (claim, stored) = await store.ClaimAsync(idempotent, settings.Retention, settings.AbandonAfter, cancellationToken);
            switch (claim)
            {
                case IdempotencyClaim.Completed:
                    await ReplayAsync(context.Response, stored!, cancellationToken);
                    return;
                case IdempotencyClaim.Mismatch:
                    await context.WriteProblemAsync(
                        StatusCodes.Status422UnprocessableEntity,
                        "Idempotency-Key reused",
                        $"The {HeaderName} '{values}' was first used for a different request (method, path or body); use a new key for a new request.");
                    return;
                case IdempotencyClaim.InProgress:
                    await context.WriteProblemAsync(
                        StatusCodes.Status409Conflict,
                        "Request in progress",
                        $"A request with {HeaderName} '{values}' is still being processed; retry after it has answered.");
                    return;
            }

            await RunAndStoreAsync(context, key);
        }

        private async Task RunAndStoreAsync(HttpContext context, string key)
        {
            var response = context.Response;
            var original = response.Body;
            await using var captured = new CapturingStream(original);
            response.Body = captured;
            var completed = false;
            try
            {
                await next(context);
                await captured.FlushAsync(context.RequestAborted);
                if (response.StatusCode < StatusCodes.Status500InternalServerError)
                {
                    var location = response.Headers.Location.ToString();
                    // The answer is stored even when the client has gone: its retry must find it.
                    await store.CompleteAsync(
                        key,
                        new StoredResponse(response.StatusCode, response.ContentType, location.Length == 0 ? null : location, captured.ToArray()),
                        CancellationToken.None);
                    completed = true;
                }
            }
            finally
            {
                response.Body = original;
                if (!completed)
                {
                    await store.ReleaseAsync(key, CancellationToken.None);
                }
            }
        }

        private static async Task ReplayAsync(HttpResponse response, StoredResponse stored, CancellationToken cancellationToken)
        {
            response.StatusCode = stored.Status;
            response.Headers[ReplayedHeaderName] = "true";
            if (stored.ContentType is not null)
            {
                response.ContentType = stored.ContentType;
            }

            if (stored.Location is not null)
            {
                response.Headers.Location = stored.Location;
            }

            if (stored.Body.Length > 0)
            {
                response.ContentLength = stored.Body.Length;
                await response.Body.WriteAsync(stored.Body, cancellationToken);
            }
        }

        private static async Task<string> HashBodyAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            request.EnableBuffering();
            var hash = await SHA256.HashDataAsync(request.Body, cancellationToken);
            request.Body.Position = 0;
            return Convert.ToHexStringLower(hash);
        }
    }

    /// <summary>Passes writes through to the response and keeps a copy of them.</summary>
    private sealed class CapturingStream(Stream inner) : Stream
    {
        private readonly MemoryStream _copy = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _copy.Length;

        public override long Position
        {
            get => _copy.Length;
            set => throw new NotSupportedException();
        }

        public byte[] ToArray() => _copy.ToArray();

        public override void Write(byte[] buffer, int offset, int count)
        {
            _copy.Write(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _copy.Write(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _copy.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
