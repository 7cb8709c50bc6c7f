using System.Text.Json;
using System.Text.Json.Nodes;
using Match.Api.Security;
using Match.Data;
using Match.Data.Keys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Match.Api.Infrastructure;

/// <summary>Endpoint metadata: an example request body for one content type, shown in Swagger UI's "Try it out".</summary>
public sealed record RequestExampleMetadata(string ContentType, object Example);

public static class OpenApiSetup
{
    public const string SecuritySchemeName = "ApiKey";

    public static IServiceCollection AddMatchOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Match API",
                Version = "v1",
                Description = "Roles from job postings, résumés, and explained candidate–role scores. Every endpoint needs an API key "
                    + "in the X-Api-Key header (Authorize button): GET needs scope read, other methods write, keys and audit admin.",
            });
            options.AddSecurityDefinition(SecuritySchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyFormat.HeaderName,
                Description = "An API key (mk_…). Get one with `dotnet run --project src/Match.Api -- keys create --name local --scope admin`.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, "Match.Api.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }

            options.OperationFilter<SecurityOperationFilter>();
            options.OperationFilter<RequestExampleOperationFilter>();
        });
        return services;
    }

    /// <summary>Shows <paramref name="example"/> as the request body for <paramref name="contentType"/> in Swagger UI (a string for text types, JSON otherwise).</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, string contentType, object example) =>
        builder.WithMetadata(new RequestExampleMetadata(contentType, example));

    /// <summary>OpenAPI document at /swagger/v1/swagger.json and Swagger UI at /swagger (the product's try-it page, always on, no key needed).</summary>
    public static WebApplication UseMatchOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.DocumentTitle = "Match API";
            options.EnableTryItOutByDefault();
            options.DisplayRequestDuration();
        });
        app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// For every operation that needs a key: the security requirement (so Swagger UI sends the key), the scope it needs, and the
    /// 401/403/429/503 problem responses every such request can get; 413 where there is a body; problem details for every error.
    /// </summary>
    private sealed class SecurityOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            operation.Responses ??= [];
            if (!metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [] });
                var scope = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) switch
                {
                    var policy when policy == ScopePolicies.PolicyName(ApiScope.Admin) => ApiScope.Admin,
                    var policy when policy == ScopePolicies.PolicyName(ApiScope.Write) => ApiScope.Write,
                    var policy when policy == ScopePolicies.PolicyName(ApiScope.Read) => ApiScope.Read,
                    _ => ScopeRequirement.ForMethod(context.ApiDescription.HttpMethod ?? "GET"),
                };
                var needs = $"Needs an API key with scope {StoredJson.Name(scope)}.";
                operation.Description = string.IsNullOrEmpty(operation.Description) ? needs : $"{operation.Description}\n\n{needs}";
                AddProblem(operation, "401", "No API key, or one that is not valid or has been revoked.");
                AddProblem(operation, "403", $"The API key's scope does not include {StoredJson.Name(scope)}.");
                AddProblem(operation, "429", "This API key has used its requests for now; see the Retry-After header.");
            }

            if (operation.RequestBody is not null)
            {
                AddProblem(operation, "413", "The request body is larger than this endpoint accepts.");
            }

            AddProblem(operation, "503", "The request took longer than the time limit and was cancelled.");

            var problemSchema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
            foreach (var (status, response) in operation.Responses)
            {
                if (status.Length == 3 && status[0] is '4' or '5' && response is OpenApiResponse concrete && (concrete.Content is null || concrete.Content.Count == 0))
                {
                    concrete.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problemSchema } };
                    if (string.IsNullOrEmpty(concrete.Description) || concrete.Description is "Not Found" or "Client Error" or "Bad Request")
                    {
                        concrete.Description = DescriptionFor(status) ?? concrete.Description;
                    }
                }
            }
        }

        private static void AddProblem(OpenApiOperation operation, string status, string description) =>
            operation.Responses!.TryAdd(status, new OpenApiResponse { Description = description });

        private static string? DescriptionFor(string status) => status switch
        {
            "400" => "The request is not valid; errors are keyed by field name.",
            "404" => "There is no such resource.",
            "409" => "The request conflicts with what is stored.",
            "415" => "The content type is not accepted here.",
            "422" => "The content could not be read.",
            _ => null,
        };
    }

    /// <summary>Puts each endpoint's <see cref="RequestExampleMetadata"/> into its request body's media types.</summary>
    private sealed class RequestExampleOperationFilter : IOperationFilter
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.RequestBody?.Content is not { } content)
            {
                return;
            }

            foreach (var example in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestExampleMetadata>())
            {
                if (content.TryGetValue(example.ContentType, out var media) && media is OpenApiMediaType concrete)
                {
                    concrete.Example = example.Example is string text && !example.ContentType.Contains("json", StringComparison.Ordinal)
                        ? JsonValue.Create(text)
                        : JsonSerializer.SerializeToNode(example.Example, Json);
                }
            }
        }
    }
}
