using Match.Api.Infrastructure;
using Match.Data;
using Match.Data.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Match.Api.Security;

/// <summary>
/// The scope a request needs. <see cref="Scope"/> null means "by HTTP method": GET, HEAD and OPTIONS need read, anything else
/// needs write. That is the fallback for every endpoint, so a new endpoint is protected without doing anything.
/// </summary>
public sealed class ScopeRequirement(ApiScope? scope) : IAuthorizationRequirement
{
    public ApiScope? Scope { get; } = scope;

    public static ApiScope ForMethod(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) ? ApiScope.Read : ApiScope.Write;
}

public static class ScopePolicies
{
    /// <summary>Requires a valid key whose scope includes <paramref name="scope"/>, instead of the scope the HTTP method implies.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, ApiScope scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PolicyName(scope));

    public static string PolicyName(ApiScope scope) => $"scope:{StoredJson.Name(scope)}";

    internal static AuthorizationPolicy Policy(ApiScope? scope) =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new ScopeRequirement(scope))
            .Build();
}

internal sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var method = (context.Resource as HttpContext)?.Request.Method ?? HttpMethods.Post;
        var required = requirement.Scope ?? ScopeRequirement.ForMethod(method);
        var granted = context.User.ApiKeyScope();
        if (granted >= required)
        {
            context.Succeed(requirement);
        }
        else if (granted is not null)
        {
            context.Fail(new AuthorizationFailureReason(
                this, $"This request needs a key with scope {StoredJson.Name(required)}; this key has scope {StoredJson.Name(granted.Value)}."));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Answers 401 and 403 with problem details saying why, instead of the bare statuses the default handler sets.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The handler keeps its result for the request, so this reads the failure without checking the key again.
            var failure = (await context.AuthenticateAsync(ApiKeyClaims.Scheme)).Failure;
            context.Response.Headers.WWWAuthenticate = $"{ApiKeyClaims.Scheme} header=\"{ApiKeyFormat.HeaderName}\"";
            await context.WriteProblemAsync(
                StatusCodes.Status401Unauthorized,
                "API key required",
                failure?.Message ?? ApiKeyAuthenticationHandler.Missing);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message
                ?? "This API key may not make this request.";
            await context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Scope too narrow", reason);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
