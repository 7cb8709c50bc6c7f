using Match.Data.Keys;

namespace Match.Api.Security;

/// <summary>A key as created: the stored row and the key itself, which is shown this once and never again.</summary>
public sealed record CreatedApiKey(ApiKey Stored, string Key);

/// <summary>Creates, checks and revokes API keys; used by the endpoints, the <c>keys</c> command and authentication alike.</summary>
public sealed class ApiKeys(ApiKeyStore store)
{
    public const int MaxNameLength = 100;

    public async Task<CreatedApiKey> CreateAsync(string name, ApiScope scope, CancellationToken cancellationToken = default)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"A key name is 1-{MaxNameLength} characters without control characters.", nameof(name));
        }

        var (keyId, key) = ApiKeyFormat.NewKey();
        var stored = await store.CreateAsync(keyId, name.Trim(), scope, ApiKeyFormat.Hash(key), cancellationToken);
        return new CreatedApiKey(stored, key);
    }

    /// <summary>The key's stored row when <paramref name="presented"/> is a known, unrevoked key; null otherwise. Read fresh every time, so revocation is immediate.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyFormat.TryReadKeyId(presented, out var keyId))
        {
            return null;
        }

        var credential = await store.FindAsync(keyId, cancellationToken);
        if (credential is null || !ApiKeyFormat.Matches(presented!, credential.KeyHash) || credential.Key.IsRevoked)
        {
            return null;
        }

        return credential.Key;
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    /// <summary>Revokes the key with this public id at once; null when there is none.</summary>
    public Task<ApiKey?> RevokeAsync(string keyId, CancellationToken cancellationToken = default) => store.RevokeAsync(keyId, cancellationToken);

    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaxNameLength && !name.Any(char.IsControl);
}
