using Match.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Match.Api.Infrastructure;

/// <summary>Which exception types the API answers with which HTTP status (the most derived mapping wins).</summary>
public sealed class ExceptionStatusOptions
{
    private readonly Dictionary<Type, int> _statuses = [];

    public ExceptionStatusOptions Map<TException>(int status)
        where TException : Exception
    {
        _statuses[typeof(TException)] = status;
        return this;
    }

    public int? StatusFor(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var type = exception.GetType(); type is not null; type = type.BaseType)
        {
            if (_statuses.TryGetValue(type, out var status))
            {
                return status;
            }
        }

        return null;
    }
}

public static class ProblemDetailsSetup
{
    /// <summary>RFC 9457 problem details for every error: thrown exceptions (mapped to a status) and bare status codes alike.</summary>
    public static IServiceCollection AddMatchProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<MappedExceptionHandler>();
        services.MapException<ConflictException>(StatusCodes.Status409Conflict);

        // Binding failures throw BadHttpRequestException in every environment, so they reach the handler with their status and reason.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Answers <typeparamref name="TException"/> with <paramref name="status"/> and the exception's message as detail.</summary>
    public static IServiceCollection MapException<TException>(this IServiceCollection services, int status)
        where TException : Exception =>
        services.Configure<ExceptionStatusOptions>(options => options.Map<TException>(status));

    public static WebApplication UseMatchProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Writes a problem details body with the given status; the title defaults from the status.</summary>
    public static ValueTask WriteProblemAsync(this HttpContext context, int status, string? title, string? detail, Exception? exception = null)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private sealed class MappedExceptionHandler(IOptions<ExceptionStatusOptions> statuses) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var status = exception is BadHttpRequestException badRequest ? badRequest.StatusCode : statuses.Value.StatusFor(exception);
            if (status is null)
            {
                return false; // unmapped: the middleware answers 500 with a problem details body and no internals
            }

            await httpContext.WriteProblemAsync(status.Value, title: null, exception.Message, exception);
            return true;
        }
    }
}
