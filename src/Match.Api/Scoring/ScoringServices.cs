using Match.Data.Scores;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Match.Api.Scoring;

public static class ScoringServices
{
    /// <summary>Score store, prepared-role/résumé cache and ranking (needs AddRoles, AddResumes and AddModelHosting).</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.TryAddSingleton<ScoreStore>();
        services.TryAddSingleton<IStoredResumes, StoredResumes>();
        services.TryAddSingleton<PreparedCache>();
        services.TryAddSingleton<Ranking>();
        services.TryAddSingleton<AuditBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditBatcher>());
        return services;
    }
}
