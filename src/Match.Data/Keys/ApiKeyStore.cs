using System.Globalization;
using Dapper;

namespace Match.Data.Keys;

/// <summary>API keys in SQLite: only hashes are stored; revocation stamps a time and never deletes the row.</summary>
public sealed class ApiKeyStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const string Columns = """
        id AS Id, key_id AS KeyId, name AS Name, scope AS Scope, key_hash AS KeyHash, created_at AS CreatedAt, revoked_at AS RevokedAt
        """;

    /// <summary>Stores a new key. <paramref name="keyHash"/> is the lower-case hex SHA-256 of the whole key; the key itself is never passed here.</summary>
    public async Task<ApiKey> CreateAsync(string keyId, string name, ApiScope scope, string keyHash, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            INSERT INTO api_keys (key_id, name, scope, key_hash, created_at) VALUES (@KeyId, @Name, @Scope, @KeyHash, @CreatedAt)
            RETURNING {Columns};
            """;
        var parameters = new { KeyId = keyId, Name = name, Scope = StoredJson.Name(scope), KeyHash = keyHash, CreatedAt = Now() };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<KeyRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row.ToKey();
    }

    /// <summary>The key with this public id and its hash, revoked or not; null when there is none.</summary>
    public async Task<ApiKeyCredential?> FindAsync(string keyId, CancellationToken cancellationToken = default)
    {
        const string sql = $"SELECT {Columns} FROM api_keys WHERE key_id = @KeyId;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(sql, new { KeyId = keyId }, cancellationToken: cancellationToken));
        return row is null ? null : new ApiKeyCredential(row.ToKey(), row.KeyHash);
    }

    /// <summary>Every key, oldest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string sql = $"SELECT {Columns} FROM api_keys ORDER BY id;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToKey())];
    }

    /// <summary>Revokes the key from now on (a second revocation keeps the first time); null when there is no such key.</summary>
    public async Task<ApiKey?> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @Now) WHERE key_id = @KeyId
            RETURNING {Columns};
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(sql, new { KeyId = keyId, Now = Now() }, cancellationToken: cancellationToken));
        return row?.ToKey();
    }

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private sealed class KeyRow
    {
        public long Id { get; init; }
        public string KeyId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Scope { get; init; } = "";
        public string KeyHash { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public string? RevokedAt { get; init; }

        public ApiKey ToKey() =>
            new(Id, KeyId, Name, StoredJson.ParseName<ApiScope>(Scope), ParseTime(CreatedAt), RevokedAt is null ? null : ParseTime(RevokedAt));
    }
}
