using Microsoft.OpenApi;

namespace Match.Api.Infrastructure;

public static class OpenApiSetup
{
    public static IServiceCollection AddMatchOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options => options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "Match API",
            Version = "v1",
            Description = "Roles from job postings, résumés, and explained candidate–role scores.",
        }));
        return services;
    }

    /// <summary>OpenAPI document at /swagger/v1/swagger.json and Swagger UI at /swagger (the product's try-it page, always on).</summary>
    public static WebApplication UseMatchOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "Match API");
        app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
