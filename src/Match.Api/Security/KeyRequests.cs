using FluentValidation;
using Match.Data.Keys;

namespace Match.Api.Security;

/// <summary>Body of POST /keys: a name saying who holds the key (e.g. the ATS) and its scope: read, write or admin.</summary>
public sealed record CreateKeyRequest(string? Name, ApiScope? Scope);

/// <summary>An API key as listed: public id, name, scope and times; the key itself is never shown again.</summary>
public sealed record KeyResponse(string KeyId, string Name, ApiScope Scope, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static KeyResponse From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.KeyId, key.Name, key.Scope, key.CreatedAt, key.RevokedAt);
    }
}

/// <summary>A new API key: <see cref="Key"/> is the value for the X-Api-Key header, shown only in this response.</summary>
public sealed record CreatedKeyResponse(string KeyId, string Name, ApiScope Scope, DateTimeOffset CreatedAt, string Key)
{
    public static CreatedKeyResponse From(CreatedApiKey created)
    {
        ArgumentNullException.ThrowIfNull(created);
        return new(created.Stored.KeyId, created.Stored.Name, created.Stored.Scope, created.Stored.CreatedAt, created.Key);
    }
}

internal sealed class CreateKeyRequestValidator : AbstractValidator<CreateKeyRequest>
{
    public CreateKeyRequestValidator()
    {
        RuleFor(r => r.Name)
            .Must(ApiKeys.IsValidName)
            .WithMessage($"name is required: 1-{ApiKeys.MaxNameLength} characters without control characters.");
        RuleFor(r => r.Scope).NotNull().IsInEnum().WithMessage("scope is required: read, write or admin.");
    }
}
