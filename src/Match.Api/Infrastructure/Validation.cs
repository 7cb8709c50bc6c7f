using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Match.Api.Infrastructure;

public static class Validation
{
    /// <summary>Registers every FluentValidation validator in Match.Api (they live beside their request types).</summary>
    public static IServiceCollection AddMatchValidation(this IServiceCollection services) =>
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);

    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument first; failures answer 400 ValidationProblem with JSON field names.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>Field errors keyed by JSON path ("requirements[0].text"), as clients wrote them.</summary>
    public static Dictionary<string, string[]> ToFieldErrors(this IEnumerable<ValidationFailure> failures) =>
        failures
            .GroupBy(f => JsonPath(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static string JsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private sealed class ValidationFilter<T> : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var argument = context.Arguments.OfType<T>().FirstOrDefault();
            if (argument is not null)
            {
                var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
                var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
                if (!result.IsValid)
                {
                    return TypedResults.ValidationProblem(result.Errors.ToFieldErrors());
                }
            }

            return await next(context);
        }
    }
}
