using System.Security.Claims;
using System.Text.Encodings.Web;
using Match.Data;
using Match.Data.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Match.Api.Security;

/// <summary>Who is calling, as claims on <see cref="ClaimsPrincipal"/>: the API key's public id, its name and its scope.</summary>
public static class ApiKeyClaims
{
    public const string Scheme = "ApiKey";
    public const string KeyId = "match:key_id";
    public const string Scope = "match:scope";

    /// <summary>The public id of the API key behind this request ("3f9a…"), or null when unauthenticated. Audit rows carry it.</summary>
    public static string? ApiKeyId(this ClaimsPrincipal user) => user?.FindFirst(KeyId)?.Value;

    /// <summary>The scope of the API key behind this request, or null when unauthenticated.</summary>
    public static ApiScope? ApiKeyScope(this ClaimsPrincipal user) =>
        user?.FindFirst(Scope)?.Value is { } scope ? StoredJson.ParseName<ApiScope>(scope) : null;

    internal static ClaimsPrincipal Principal(ApiKey key) =>
        new(new ClaimsIdentity(
            [
                new Claim(KeyId, key.KeyId),
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(Scope, StoredJson.Name(key.Scope)),
            ],
            Scheme));
}

/// <summary>Reads the <c>X-Api-Key</c> header: no header leaves the request anonymous; a bad, unknown or revoked key fails.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Missing = "This request needs an API key in the X-Api-Key header.";
    public const string Invalid = "The API key is not valid or has been revoked.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[ApiKeyFormat.HeaderName];
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrEmpty(values[0])))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count > 1)
        {
            return AuthenticateResult.Fail("Send exactly one X-Api-Key header.");
        }

        var key = await keys.AuthenticateAsync(values[0], Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail(Invalid)
            : AuthenticateResult.Success(new AuthenticationTicket(ApiKeyClaims.Principal(key), Scheme.Name));
    }
}
