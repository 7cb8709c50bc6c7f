using Match.Data.Scores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Match.Api.Model;

public static class ModelServices
{
    /// <summary>Match:Model options, the model host (load or fit at start-up, refit, reload), and a readiness check.</summary>
    public static IServiceCollection AddModelHosting(this IServiceCollection services)
    {
        services.AddOptions<ModelOptions>()
            .BindConfiguration(ModelOptions.Section)
            .Validate(
                o => string.IsNullOrWhiteSpace(o.OccupationTitlesPath) || File.Exists(o.OccupationTitlesPath),
                $"{ModelOptions.Section}:OccupationTitlesPath names a file that does not exist.")
            .Validate(o => o.OccupationTopK is >= 1 and <= 100, $"{ModelOptions.Section}:OccupationTopK must be between 1 and 100.")
            .Validate(o => o.MinDocumentFrequency >= 1, $"{ModelOptions.Section}:MinDocumentFrequency must be at least 1.")
            .Validate(o => o.ReloadInterval >= TimeSpan.Zero, $"{ModelOptions.Section}:ReloadInterval must not be negative.")
            .Validate(o => o.KeepVersions >= 1, $"{ModelOptions.Section}:KeepVersions must be at least 1.")
            .Validate(o => o.PreparedCacheEntries >= 0, $"{ModelOptions.Section}:PreparedCacheEntries must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CorpusStore>();
        services.TryAddSingleton<ModelHost>();
        return services;
    }

    /// <summary>Loads the model as the app starts and watches for newer saved versions; readiness reports "degraded" while it loads.</summary>
    public static IServiceCollection AddModelLoading(this IServiceCollection services)
    {
        services.AddHostedService<ModelLoader>();
        services.AddHealthChecks().AddCheck<ModelHealthCheck>("model", tags: ["ready"]);
        return services;
    }

    private sealed class ModelHealthCheck(ModelHost host) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(host.Current is { } model
                ? HealthCheckResult.Healthy($"model {model.Version}")
                : host.IsLoading
                    ? HealthCheckResult.Degraded("the model is loading")
                    : HealthCheckResult.Healthy("the model loads on first use"));
    }
}
