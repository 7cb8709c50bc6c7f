using System.Globalization;
using Dapper;

namespace Match.Data.Idempotency;

/// <summary>The request an Idempotency-Key was first used for: method, path and SHA-256 of the body (lower-case hex).</summary>
public sealed record IdempotentRequest(string Key, string Method, string Path, string BodyHash);

/// <summary>The first answer to a keyed request, replayed byte for byte.</summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>What claiming a key found.</summary>
public enum IdempotencyClaim
{
    /// <summary>The key is new (or expired, or abandoned by a request that never finished): the caller runs the request.</summary>
    Started,

    /// <summary>The key already has an answer: the caller replays it.</summary>
    Completed,

    /// <summary>The key was used for another method, path or body.</summary>
    Mismatch,

    /// <summary>A request with the key is still running.</summary>
    InProgress,
}

/// <summary>Idempotency keys and the answers they stand for, in SQLite.</summary>
public sealed class IdempotencyStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    /// <summary>
    /// Claims <paramref name="request"/>'s key. Keys older than <paramref name="retention"/> are forgotten; a claim still without an
    /// answer after <paramref name="abandonAfter"/> is taken over (its request died with its process).
    /// </summary>
    public async Task<(IdempotencyClaim Claim, StoredResponse? Response)> ClaimAsync(
        IdempotentRequest request, TimeSpan retention, TimeSpan abandonAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string selectSql = """
            SELECT method AS Method, path AS Path, body_hash AS BodyHash, status AS Status, content_type AS ContentType,
                   location AS Location, body AS Body, created_at AS CreatedAt
            FROM idempotency_keys WHERE key = @Key;
            """;
        const string claimSql = """
            INSERT INTO idempotency_keys (key, method, path, body_hash, created_at) VALUES (@Key, @Method, @Path, @BodyHash, @Now)
            ON CONFLICT (key) DO UPDATE SET method = excluded.method, path = excluded.path, body_hash = excluded.body_hash,
                status = NULL, content_type = NULL, location = NULL, body = NULL, created_at = excluded.created_at, completed_at = NULL;
            """;
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(selectSql, new { request.Key }, transaction, cancellationToken: cancellationToken));
        if (row is not null)
        {
            var age = now - DateTimeOffset.Parse(row.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var expired = age > retention || (row.Status is null && age > abandonAfter);
            if (!expired)
            {
                if (row.Method != request.Method || row.Path != request.Path || row.BodyHash != request.BodyHash)
                {
                    return (IdempotencyClaim.Mismatch, null);
                }

                return row.Status is { } status
                    ? (IdempotencyClaim.Completed, new StoredResponse(checked((int)status), row.ContentType, row.Location, row.Body ?? []))
                    : (IdempotencyClaim.InProgress, null);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            claimSql,
            new { request.Key, request.Method, request.Path, request.BodyHash, Now = now.ToString("O", CultureInfo.InvariantCulture) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (IdempotencyClaim.Started, null);
    }

    /// <summary>Stores the answer to a claimed key.</summary>
    public async Task CompleteAsync(string key, StoredResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        const string sql = """
            UPDATE idempotency_keys SET status = @Status, content_type = @ContentType, location = @Location, body = @Body, completed_at = @Now
            WHERE key = @Key;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { Key = key, response.Status, response.ContentType, response.Location, response.Body, Now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Forgets a claimed key whose request failed, so a retry runs it again.</summary>
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE key = @Key AND status IS NULL;", new { Key = key }, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes keys created before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE created_at < @Before;",
            new { Before = before.ToString("O", CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken));
    }

    private sealed class KeyRow
    {
        public string Method { get; init; } = "";
        public string Path { get; init; } = "";
        public string BodyHash { get; init; } = "";
        public long? Status { get; init; }
        public string? ContentType { get; init; }
        public string? Location { get; init; }
        public byte[]? Body { get; init; }
        public string CreatedAt { get; init; } = "";
    }
}
