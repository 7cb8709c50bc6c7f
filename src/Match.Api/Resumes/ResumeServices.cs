using Match.Data.Resumes;
using Match.Scoring.Resumes;
using Match.Scoring.Skills;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Match.Api.Resumes;

public static class ResumeServices
{
    /// <summary>Résumé options, extractor, analyzer over the built-in skill vocabulary, ingestion and store.</summary>
    public static IServiceCollection AddResumes(this IServiceCollection services)
    {
        services.AddOptions<ResumeOptions>()
            .BindConfiguration(ResumeOptions.Section)
            .Validate(o => o.MaxBytes > 0, $"{ResumeOptions.Section}:MaxBytes must be positive.")
            .Validate(o => o.MaxInflatedBytes > 0, $"{ResumeOptions.Section}:MaxInflatedBytes must be positive.")
            .Validate(o => o.MaxPages > 0, $"{ResumeOptions.Section}:MaxPages must be positive.")
            .Validate(o => o.ExtractionTimeout > TimeSpan.Zero, $"{ResumeOptions.Section}:ExtractionTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(_ => BuiltInSkills.Create());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new Match.Scoring.Resumes.Extraction.ResumeExtractor(
            sp.GetRequiredService<IOptions<ResumeOptions>>().Value.ToExtractionOptions()));
        services.TryAddSingleton<ResumeAnalyzer>();
        services.TryAddSingleton<ResumeIngestion>();
        services.TryAddSingleton<ResumeStore>();
        return services;
    }
}
