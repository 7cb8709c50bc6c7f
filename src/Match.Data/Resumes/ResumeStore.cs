using System.Data.Common;
using System.Globalization;
using Dapper;
using Match.Scoring.Resumes;
using Match.Scoring.Resumes.Extraction;
using Microsoft.Data.Sqlite;

namespace Match.Data.Resumes;

/// <summary>
/// Résumés in SQLite. Writes run in one transaction with <c>secure_delete</c> on, so replaced or erased text is overwritten in the
/// file rather than left in free pages; a delete also checkpoints and truncates the write-ahead log.
/// </summary>
public sealed class ResumeStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const string Columns = """
        id AS Id, external_id AS ExternalId, content_hash AS ContentHash, format AS Format, file_name AS FileName,
        candidate AS Candidate, text AS Text, profile AS Profile, redacted AS Redacted, version AS Version,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public async Task<Resume?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, id, cancellationToken);
    }

    /// <summary>
    /// Stores a new résumé. When the same file (content hash) is already stored under no external id or this one, returns it with
    /// <see cref="ResumeWriteOutcome.Duplicate"/>; throws <see cref="ConflictException"/> when the external id is taken or the file is
    /// stored under another external id.
    /// </summary>
    public async Task<(Resume Resume, ResumeWriteOutcome Outcome)> CreateAsync(
        string? externalId, ResumeContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);

        const string sameFileSql = "SELECT id AS Id, external_id AS ExternalId FROM resumes WHERE content_hash = @ContentHash ORDER BY id LIMIT 1;";
        var sameFile = await connection.QuerySingleOrDefaultAsync<IdRow>(new CommandDefinition(
            sameFileSql, new { content.ContentHash }, transaction, cancellationToken: cancellationToken));
        if (sameFile is not null)
        {
            if (externalId is null || externalId == sameFile.ExternalId)
            {
                var existing = await ReadAsync(connection, transaction, sameFile.Id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (existing!, ResumeWriteOutcome.Duplicate);
            }

            throw new ConflictException(sameFile.ExternalId is null
                ? $"This file is already stored as résumé {sameFile.Id}."
                : $"This file is already stored as résumé {sameFile.Id} with external id '{sameFile.ExternalId}'.");
        }

        if (externalId is not null && await FindIdByExternalIdAsync(connection, transaction, externalId, cancellationToken) is { } taken)
        {
            throw new ConflictException($"A résumé with external id '{externalId}' already exists (id {taken}).");
        }

        var id = await InsertAsync(connection, transaction, externalId, content, cancellationToken);
        var resume = await ReadAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (resume!, ResumeWriteOutcome.Created);
    }

    /// <summary>Creates or replaces, in place, the résumé with this external id; the same file and candidate again changes nothing.</summary>
    public async Task<(Resume Resume, ResumeWriteOutcome Outcome)> UpsertByExternalIdAsync(
        string externalId, ResumeContent content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var id = await FindIdByExternalIdAsync(connection, transaction, externalId, cancellationToken);
        ResumeWriteOutcome outcome;
        if (id is null)
        {
            id = await InsertAsync(connection, transaction, externalId, content, cancellationToken);
            outcome = ResumeWriteOutcome.Created;
        }
        else
        {
            var current = (await ReadAsync(connection, transaction, id.Value, cancellationToken))!.Content;
            var unchanged = current.ContentHash == content.ContentHash && current.Candidate == content.Candidate
                && current.FileName == content.FileName && current.Redacted == content.Redacted;
            outcome = unchanged ? ResumeWriteOutcome.Unchanged : ResumeWriteOutcome.Updated;
            if (!unchanged)
            {
                const string sql = """
                    UPDATE resumes
                    SET content_hash = @ContentHash, format = @Format, file_name = @FileName, candidate = @Candidate, text = @Text,
                        profile = @Profile, redacted = @Redacted, version = version + 1, updated_at = @Now
                    WHERE id = @Id;
                    """;
                await connection.ExecuteAsync(new CommandDefinition(sql, Parameters(id.Value, null, content), transaction, cancellationToken: cancellationToken));
            }
        }

        var resume = await ReadAsync(connection, transaction, id.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (resume!, outcome);
    }

    /// <summary>Erases a résumé and everything that references it; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        const string sql = "DELETE FROM resumes WHERE id = @Id;";
        await using var connection = await OpenForWriteAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken)) > 0;
        if (deleted)
        {
            // The log still holds the pages as they were before the delete; copy the zeroed pages back and empty it.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken: cancellationToken));
        }

        return deleted;
    }

    /// <summary>Résumés newest first, optionally by external id, with the total count of matches.</summary>
    public async Task<ResumePage> ListAsync(ResumeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string filter = "WHERE (@ExternalId IS NULL OR external_id = @ExternalId)";
        const string sql = $"""
            SELECT id AS Id, external_id AS ExternalId, format AS Format, file_name AS FileName,
                   json_extract(candidate, '$.name') AS CandidateName, version AS Version, updated_at AS UpdatedAt
            FROM resumes
            {filter}
            ORDER BY id DESC
            LIMIT @Limit OFFSET @Offset;
            SELECT COUNT(*) FROM resumes {filter};
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            sql, new { query.ExternalId, query.Limit, query.Offset }, cancellationToken: cancellationToken));
        var rows = await results.ReadAsync<SummaryRow>();
        var total = await results.ReadSingleAsync<long>();
        var items = rows
            .Select(r => new ResumeSummary(r.Id, r.ExternalId, StoredJson.ParseName<ResumeFormat>(r.Format), r.FileName, r.CandidateName, r.Version, ParseTime(r.UpdatedAt)))
            .ToList();
        return new ResumePage(items, total);
    }

    private async Task<SqliteConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        // Freed pages are overwritten with zeros, so replaced and erased résumé text does not linger in the file.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA secure_delete = ON;", cancellationToken: cancellationToken));
        return connection;
    }

    private async Task<long> InsertAsync(
        SqliteConnection connection, DbTransaction transaction, string? externalId, ResumeContent content, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO resumes (external_id, content_hash, format, file_name, candidate, text, profile, redacted, created_at, updated_at)
            VALUES (@ExternalId, @ContentHash, @Format, @FileName, @Candidate, @Text, @Profile, @Redacted, @Now, @Now)
            RETURNING id;
            """;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql, Parameters(0, externalId, content), transaction, cancellationToken: cancellationToken));
    }

    private object Parameters(long id, string? externalId, ResumeContent content) => new
    {
        Id = id,
        ExternalId = externalId,
        content.ContentHash,
        Format = StoredJson.Name(content.Format),
        content.FileName,
        Candidate = StoredJson.Serialize(content.Candidate),
        content.Profile.Text,
        // The text is stored once, in its own column; the profile's offsets index it.
        Profile = StoredJson.Serialize(content.Profile with { Text = string.Empty }),
        Redacted = content.Redacted ? 1 : 0,
        Now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
    };

    private static async Task<Resume?> ReadAsync(SqliteConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM resumes WHERE id = @Id;";
        var row = await connection.QuerySingleOrDefaultAsync<ResumeRow>(new CommandDefinition(sql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var profile = StoredJson.Deserialize<ResumeProfile>(row.Profile) with { Text = row.Text };
        var content = new ResumeContent(
            row.ContentHash,
            StoredJson.ParseName<ResumeFormat>(row.Format),
            row.FileName,
            StoredJson.Deserialize<CandidateInfo>(row.Candidate),
            profile,
            row.Redacted != 0);
        return new Resume(row.Id, row.ExternalId, content, row.Version, ParseTime(row.CreatedAt), ParseTime(row.UpdatedAt));
    }

    private static async Task<long?> FindIdByExternalIdAsync(
        SqliteConnection connection, DbTransaction transaction, string externalId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id FROM resumes WHERE external_id = @ExternalId;";
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, new { ExternalId = externalId }, transaction, cancellationToken: cancellationToken));
    }

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private sealed class IdRow
    {
        public long Id { get; init; }
        public string? ExternalId { get; init; }
    }

    private sealed class ResumeRow
    {
        public long Id { get; init; }
        public string? ExternalId { get; init; }
        public string ContentHash { get; init; } = "";
        public string Format { get; init; } = "";
        public string? FileName { get; init; }
        public string Candidate { get; init; } = "{}";
        public string Text { get; init; } = "";
        public string Profile { get; init; } = "{}";
        public long Redacted { get; init; }
        public long Version { get; init; }
        public string CreatedAt { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
    }

    private sealed class SummaryRow
    {
        public long Id { get; init; }
        public string? ExternalId { get; init; }
        public string Format { get; init; } = "";
        public string? FileName { get; init; }
        public string? CandidateName { get; init; }
        public long Version { get; init; }
        public string UpdatedAt { get; init; } = "";
    }
}
