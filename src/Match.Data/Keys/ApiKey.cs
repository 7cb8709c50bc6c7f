namespace Match.Data.Keys;

/// <summary>What an API key may do. Scopes nest: admin includes write, write includes read.</summary>
public enum ApiScope
{
    Read = 1,
    Write = 2,
    Admin = 3,
}

/// <summary>A stored API key without its secret: <see cref="KeyId"/> is the public part that appears in the key, logs and audit rows.</summary>
public sealed record ApiKey(long Id, string KeyId, string Name, ApiScope Scope, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>True when this key's scope includes <paramref name="required"/> (admin ⊃ write ⊃ read).</summary>
    public bool Grants(ApiScope required) => Scope >= required;
}

/// <summary>A key row as authentication needs it: the key and the lower-case hex SHA-256 of the whole key string.</summary>
public sealed record ApiKeyCredential(ApiKey Key, string KeyHash);
