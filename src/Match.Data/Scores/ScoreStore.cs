using System.Globalization;
using Dapper;

namespace Match.Data.Scores;

/// <summary>
/// Stored role–résumé scores for ranking. A row is fresh when its model, role and résumé versions equal the current ones;
/// rankings only show fresh rows, and callers refresh the stale ones first.
/// </summary>
public sealed class ScoreStore(SqliteConnectionFactory connections)
{
    /// <summary>Writes (or replaces) scores in one transaction; a score whose role or résumé has been deleted meanwhile is skipped.</summary>
    public async Task UpsertAsync(IReadOnlyCollection<StoredScore> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return;
        }

        // INSERT ... SELECT writes nothing when the role or résumé is gone, instead of failing the whole batch on the foreign key.
        const string sql = """
            INSERT INTO scores (role_id, resume_id, model_version, role_version, resume_version, score, meets_minimums, knock_outs,
                                minimum_coverage, preferred_coverage, scored_at)
            SELECT @RoleId, @ResumeId, @ModelVersion, @RoleVersion, @ResumeVersion, @Score, @MeetsAllMinimums, @KnockOuts,
                   @MinimumCoverage, @PreferredCoverage, @ScoredAt
            WHERE EXISTS (SELECT 1 FROM roles WHERE id = @RoleId) AND EXISTS (SELECT 1 FROM resumes WHERE id = @ResumeId)
            ON CONFLICT (role_id, resume_id) DO UPDATE SET
                model_version = excluded.model_version, role_version = excluded.role_version, resume_version = excluded.resume_version,
                score = excluded.score, meets_minimums = excluded.meets_minimums, knock_outs = excluded.knock_outs,
                minimum_coverage = excluded.minimum_coverage, preferred_coverage = excluded.preferred_coverage, scored_at = excluded.scored_at;
            """;
        var rows = scores.Select(s => new
        {
            s.RoleId,
            s.ResumeId,
            s.ModelVersion,
            s.RoleVersion,
            s.ResumeVersion,
            s.Score,
            MeetsAllMinimums = s.MeetsAllMinimums ? 1 : 0,
            KnockOuts = StoredJson.Serialize(s.KnockOuts),
            s.MinimumCoverage,
            s.PreferredCoverage,
            ScoredAt = s.ScoredAt.ToString("O", CultureInfo.InvariantCulture),
        });
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Résumés whose score for this role is missing or was computed from another model, role or résumé version.</summary>
    public async Task<IReadOnlyList<StaleTarget>> StaleResumesForRoleAsync(
        long roleId, long roleVersion, string modelVersion, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT r.id AS Id, r.version AS Version
            FROM resumes r
            LEFT JOIN scores s ON s.role_id = @RoleId AND s.resume_id = r.id
            WHERE s.resume_id IS NULL OR s.model_version <> @ModelVersion OR s.role_version <> @RoleVersion OR s.resume_version <> r.version
            ORDER BY r.id;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaleRow>(new CommandDefinition(
            sql, new { RoleId = roleId, RoleVersion = roleVersion, ModelVersion = modelVersion }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StaleTarget(r.Id, r.Version))];
    }

    /// <summary>Open roles whose score for this résumé is missing or was computed from another model, role or résumé version.</summary>
    public async Task<IReadOnlyList<StaleTarget>> StaleRolesForResumeAsync(
        long resumeId, long resumeVersion, string modelVersion, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT r.id AS Id, r.version AS Version
            FROM roles r
            LEFT JOIN scores s ON s.resume_id = @ResumeId AND s.role_id = r.id
            WHERE r.status = 'open'
              AND (s.role_id IS NULL OR s.model_version <> @ModelVersion OR s.resume_version <> @ResumeVersion OR s.role_version <> r.version)
            ORDER BY r.id;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaleRow>(new CommandDefinition(
            sql, new { ResumeId = resumeId, ResumeVersion = resumeVersion, ModelVersion = modelVersion }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StaleTarget(r.Id, r.Version))];
    }

    /// <summary>Stored résumés ranked for a role by fresh scores, best first (ties by résumé id).</summary>
    public async Task<RankingPage> RankResumesAsync(
        long roleId, long roleVersion, string modelVersion, RankingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string from = """
            FROM scores s
            JOIN resumes r ON r.id = s.resume_id AND r.version = s.resume_version
            WHERE s.role_id = @Key AND s.role_version = @Version AND s.model_version = @ModelVersion
              AND (@MinScore IS NULL OR s.score >= @MinScore)
              AND (@MeetsAllMinimums IS NULL OR s.meets_minimums = @MeetsAllMinimums)
            """;
        const string sql = $"""
            SELECT r.id AS Id, r.external_id AS ExternalId, json_extract(r.candidate, '$.name') AS Name, {ScoreColumns}
            {from}
            ORDER BY s.score DESC, r.id
            LIMIT @Limit OFFSET @Offset;
            SELECT COUNT(*) {from};
            """;
        return await RankAsync(sql, roleId, roleVersion, modelVersion, query, cancellationToken);
    }

    /// <summary>Open roles ranked for a résumé by fresh scores, best first (ties by role id).</summary>
    public async Task<RankingPage> RankRolesAsync(
        long resumeId, long resumeVersion, string modelVersion, RankingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string from = """
            FROM scores s
            JOIN roles r ON r.id = s.role_id AND r.version = s.role_version AND r.status = 'open'
            WHERE s.resume_id = @Key AND s.resume_version = @Version AND s.model_version = @ModelVersion
              AND (@MinScore IS NULL OR s.score >= @MinScore)
              AND (@MeetsAllMinimums IS NULL OR s.meets_minimums = @MeetsAllMinimums)
            """;
        const string sql = $"""
            SELECT r.id AS Id, r.external_id AS ExternalId, r.title AS Name, {ScoreColumns}
            {from}
            ORDER BY s.score DESC, r.id
            LIMIT @Limit OFFSET @Offset;
            SELECT COUNT(*) {from};
            """;
        return await RankAsync(sql, resumeId, resumeVersion, modelVersion, query, cancellationToken);
    }

    /// <summary>The stored score of one pair, fresh or not; null when there is none.</summary>
    public async Task<StoredScore?> GetAsync(long roleId, long resumeId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT role_id AS RoleId, resume_id AS ResumeId, model_version AS ModelVersion, role_version AS RoleVersion,
                   resume_version AS ResumeVersion, score AS Score, meets_minimums AS MeetsAllMinimums, knock_outs AS KnockOuts,
                   minimum_coverage AS MinimumCoverage, preferred_coverage AS PreferredCoverage, scored_at AS ScoredAt
            FROM scores WHERE role_id = @RoleId AND resume_id = @ResumeId;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScoreRow>(new CommandDefinition(
            sql, new { RoleId = roleId, ResumeId = resumeId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StoredScore(row.RoleId, row.ResumeId, row.ModelVersion, row.RoleVersion, row.ResumeVersion, row.Score, row.MeetsAllMinimums != 0,
                StoredJson.Deserialize<int[]>(row.KnockOuts), row.MinimumCoverage, row.PreferredCoverage, ParseTime(row.ScoredAt));
    }

    private const string ScoreColumns = """
        s.score AS Score, s.meets_minimums AS MeetsAllMinimums, s.knock_outs AS KnockOuts,
        s.minimum_coverage AS MinimumCoverage, s.preferred_coverage AS PreferredCoverage, s.scored_at AS ScoredAt
        """;

    private async Task<RankingPage> RankAsync(
        string sql, long key, long version, string modelVersion, RankingQuery query, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            Key = key,
            Version = version,
            ModelVersion = modelVersion,
            query.MinScore,
            MeetsAllMinimums = query.MeetsAllMinimums is { } meets ? (meets ? 1 : 0) : (int?)null,
            query.Limit,
            query.Offset,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var rows = await results.ReadAsync<RankedRow>();
        var total = await results.ReadSingleAsync<long>();
        var items = rows
            .Select(r => new RankedScore(r.Id, r.ExternalId, r.Name, r.Score, r.MeetsAllMinimums != 0, StoredJson.Deserialize<int[]>(r.KnockOuts),
                r.MinimumCoverage, r.PreferredCoverage, ParseTime(r.ScoredAt)))
            .ToList();
        return new RankingPage(items, total);
    }

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private sealed class StaleRow
    {
        public long Id { get; init; }
        public long Version { get; init; }
    }

    private sealed class RankedRow
    {
        public long Id { get; init; }
        public string? ExternalId { get; init; }
        public string? Name { get; init; }
        public double Score { get; init; }
        public long MeetsAllMinimums { get; init; }
        public string KnockOuts { get; init; } = "[]";
        public double? MinimumCoverage { get; init; }
        public double? PreferredCoverage { get; init; }
        public string ScoredAt { get; init; } = "";
    }

    private sealed class ScoreRow
    {
        public long RoleId { get; init; }
        public long ResumeId { get; init; }
        public string ModelVersion { get; init; } = "";
        public long RoleVersion { get; init; }
        public long ResumeVersion { get; init; }
        public double Score { get; init; }
        public long MeetsAllMinimums { get; init; }
        public string KnockOuts { get; init; } = "[]";
        public double? MinimumCoverage { get; init; }
        public double? PreferredCoverage { get; init; }
        public string ScoredAt { get; init; } = "";
    }
}
