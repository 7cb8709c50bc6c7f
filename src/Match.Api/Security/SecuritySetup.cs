using Match.Data.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Match.Api.Security;

public static class SecuritySetup
{
    /// <summary>
    /// X-Api-Key authentication; every endpoint needs a key unless it allows anonymous access, with the scope its HTTP method
    /// implies (GET/HEAD → read, others → write) or the one it names with <see cref="ScopePolicies.RequireScope"/>; rate limits per key.
    /// </summary>
    public static IServiceCollection AddMatchSecurity(this IServiceCollection services)
    {
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<ApiKeys>();
        services.AddAuthentication(ApiKeyClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyClaims.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(ScopePolicies.Policy(scope: null))
            .SetDefaultPolicy(ScopePolicies.Policy(scope: null))
            .AddPolicy(ScopePolicies.PolicyName(ApiScope.Read), ScopePolicies.Policy(ApiScope.Read))
            .AddPolicy(ScopePolicies.PolicyName(ApiScope.Write), ScopePolicies.Policy(ApiScope.Write))
            .AddPolicy(ScopePolicies.PolicyName(ApiScope.Admin), ScopePolicies.Policy(ApiScope.Admin));
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddMatchRateLimiting();
        return services;
    }

    /// <summary>Authentication, then the rate limiter (so it can count per key, and count failed attempts per client), then authorization.</summary>
    public static WebApplication UseMatchSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
