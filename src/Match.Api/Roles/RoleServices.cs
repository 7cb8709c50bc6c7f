using Match.Data.Roles;
using Match.Scoring.Postings;
using Match.Scoring.Skills;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Match.Api.Roles;

public static class RoleServices
{
    /// <summary>Role store, posting parser and requirement analyzer over the one built-in skill vocabulary.</summary>
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => BuiltInSkills.Create());
        services.TryAddSingleton<PostingParser>();
        services.TryAddSingleton<RequirementAnalyzer>();
        services.TryAddSingleton<RoleComposer>();
        services.TryAddSingleton<RoleStore>();
        return services;
    }
}
