using Match.Scoring.Skills;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Match.Api.Infrastructure;

/// <summary>Where extra skill lists come from (section <c>Match:Skills</c>); the curated built-in vocabulary is always there.</summary>
public sealed class SkillsOptions
{
    public const string Section = "Match:Skills";

    /// <summary>Optional ESCO skills CSV (the official columns or the preferredLabel/altLabels sample) to import.</summary>
    public string? EscoCsvPath { get; set; }

    /// <summary>Optional O*NET Technology Skills file (tab-separated) to import.</summary>
    public string? OnetTechnologySkillsPath { get; set; }
}

public static class SkillsSetup
{
    /// <summary>One shared <see cref="SkillVocabulary"/>: built-in, plus ESCO and O*NET lists when configured (built-in names win).</summary>
    public static IServiceCollection AddMatchSkills(this IServiceCollection services)
    {
        services.AddOptions<SkillsOptions>()
            .BindConfiguration(SkillsOptions.Section)
            .Validate(o => o.EscoCsvPath is null || File.Exists(o.EscoCsvPath), $"{SkillsOptions.Section}:EscoCsvPath names a file that does not exist.")
            .Validate(o => o.OnetTechnologySkillsPath is null || File.Exists(o.OnetTechnologySkillsPath), $"{SkillsOptions.Section}:OnetTechnologySkillsPath names a file that does not exist.")
            .ValidateOnStart();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SkillsOptions>>().Value;
            var imported = new List<IEnumerable<SkillEntry>>();
            if (options.EscoCsvPath is { } esco) imported.Add(EscoSkillsImporter.ReadFile(esco));
            if (options.OnetTechnologySkillsPath is { } onet) imported.Add(OnetTechnologySkillsImporter.ReadFile(onet));
            return imported.Count == 0 ? BuiltInSkills.Create() : BuiltInSkills.CreateWith([.. imported]);
        });
        return services;
    }
}
