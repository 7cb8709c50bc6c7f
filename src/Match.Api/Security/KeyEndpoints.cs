using Match.Api.Infrastructure;
using Match.Data.Keys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Match.Api.Security;

public static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/keys").WithTags("Keys").RequireScope(ApiScope.Admin);

        keys.MapPost("/", Create)
            .WithValidation<CreateKeyRequest>()
            .WithRequestExample("application/json", new CreateKeyRequest("greenhouse-production", ApiScope.Write))
            .WithSummary("Create an API key (shown once)");
        keys.MapGet("/", List).WithSummary("List API keys (never their secrets)");
        keys.MapDelete("/{keyId}", Revoke).WithSummary("Revoke an API key at once");

        return app;
    }

    /// <summary>Creates a key with a name and a scope; the response is the only place the key ever appears.</summary>
    private static async Task<Created<CreatedKeyResponse>> Create(CreateKeyRequest request, ApiKeys keys, CancellationToken cancellationToken)
    {
        var created = await keys.CreateAsync(request.Name!, request.Scope!.Value, cancellationToken);
        return TypedResults.Created($"/keys/{created.Stored.KeyId}", CreatedKeyResponse.From(created));
    }

    /// <summary>Every key, oldest first, revoked ones included.</summary>
    private static async Task<Ok<IReadOnlyList<KeyResponse>>> List(ApiKeys keys, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<KeyResponse>>([.. (await keys.ListAsync(cancellationToken)).Select(KeyResponse.From)]);

    /// <summary>Revokes a key: its next request gets 401. Revoking twice keeps the first time.</summary>
    private static async Task<Results<Ok<KeyResponse>, NotFound>> Revoke(string keyId, ApiKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(keyId, cancellationToken) is { } revoked ? TypedResults.Ok(KeyResponse.From(revoked)) : TypedResults.NotFound();
}
