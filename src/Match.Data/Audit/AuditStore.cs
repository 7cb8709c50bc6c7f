using System.Globalization;
using Dapper;

namespace Match.Data.Audit;

/// <summary>The append-only audit trail in SQLite: rows are added, read, and never changed.</summary>
public sealed class AuditStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    /// <summary>Appends the entries in one transaction, all stamped with the same time.</summary>
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        const string sql = """
            INSERT INTO audit_log (at, key_id, action, role_id, resume_id, model_version, inputs_hash, outcome, score, meets_all_minimums)
            VALUES (@At, @KeyId, @Action, @RoleId, @ResumeId, @ModelVersion, @InputsHash, @Outcome, @Score, @MeetsAllMinimums);
            """;
        var at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var rows = entries.Select(e => new
        {
            At = at,
            e.KeyId,
            e.Action,
            e.RoleId,
            e.ResumeId,
            e.ModelVersion,
            e.InputsHash,
            e.Outcome,
            e.Score,
            MeetsAllMinimums = e.MeetsAllMinimums is { } meets ? (meets ? 1L : 0L) : (long?)null,
        });

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Rows matching the query, newest first, with the total count of matches.</summary>
    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string filter = """
            WHERE (@KeyId IS NULL OR key_id = @KeyId)
              AND (@RoleId IS NULL OR role_id = @RoleId)
              AND (@ResumeId IS NULL OR resume_id = @ResumeId)
            """;
        const string sql = $"""
            SELECT id AS Id, at AS At, key_id AS KeyId, action AS Action, role_id AS RoleId, resume_id AS ResumeId,
                   model_version AS ModelVersion, inputs_hash AS InputsHash, outcome AS Outcome, score AS Score,
                   meets_all_minimums AS MeetsAllMinimums
            FROM audit_log
            {filter}
            ORDER BY id DESC
            LIMIT @Limit OFFSET @Offset;
            SELECT COUNT(*) FROM audit_log
            {filter};
            """;

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, query, cancellationToken: cancellationToken));
        var rows = await results.ReadAsync<AuditRow>();
        var total = await results.ReadSingleAsync<long>();
        return new AuditPage([.. rows.Select(r => r.ToRecord())], total);
    }

    private sealed class AuditRow
    {
        public long Id { get; init; }
        public string At { get; init; } = "";
        public string KeyId { get; init; } = "";
        public string Action { get; init; } = "";
        public long? RoleId { get; init; }
        public long? ResumeId { get; init; }
        public string? ModelVersion { get; init; }
        public string? InputsHash { get; init; }
        public string Outcome { get; init; } = "";
        public double? Score { get; init; }
        public long? MeetsAllMinimums { get; init; }

        public AuditRecord ToRecord() => new(
            Id,
            DateTimeOffset.Parse(At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            new AuditEntry(KeyId, Action, RoleId, ResumeId, ModelVersion, InputsHash, Outcome, Score, MeetsAllMinimums is null ? null : MeetsAllMinimums == 1));
    }
}
