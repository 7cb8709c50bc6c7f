using System.Data.Common;
using System.Globalization;
using Dapper;
using Match.Scoring.Postings;
using Microsoft.Data.Sqlite;

namespace Match.Data.Roles;

/// <summary>Roles and their requirements in SQLite. Every write runs in one transaction: it lands whole or not at all.</summary>
public sealed class RoleStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    public async Task<Role?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, id, cancellationToken);
    }

    /// <summary>Stores a new role. Throws <see cref="ConflictException"/> when <paramref name="externalId"/> is taken.</summary>
    public async Task<Role> CreateAsync(string? externalId, RoleContent content, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (externalId is not null)
        {
            var existing = await FindIdByExternalIdAsync(connection, transaction, externalId, cancellationToken);
            if (existing is not null)
            {
                throw DuplicateExternalId(externalId, existing.Value);
            }
        }

        var id = await InsertAsync(connection, transaction, externalId, content, cancellationToken);
        var role = await ReadAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return role!;
    }

    /// <summary>
    /// Creates or replaces the role with this external id. <paramref name="decide"/> sees the stored role (or null) inside the
    /// write transaction and returns the content to store; identical content leaves the role, its version and timestamps alone.
    /// </summary>
    public async Task<(Role Role, UpsertOutcome Outcome)> UpsertByExternalIdAsync(
        string externalId,
        Func<Role?, RoleContent> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var id = await FindIdByExternalIdAsync(connection, transaction, externalId, cancellationToken);
        var current = id is null ? null : await ReadAsync(connection, transaction, id.Value, cancellationToken);
        var content = decide(current);

        UpsertOutcome outcome;
        if (current is null)
        {
            id = await InsertAsync(connection, transaction, externalId, content, cancellationToken);
            outcome = UpsertOutcome.Created;
        }
        else
        {
            outcome = await UpdateAsync(connection, transaction, current, content, cancellationToken)
                ? UpsertOutcome.Updated
                : UpsertOutcome.Unchanged;
        }

        var role = await ReadAsync(connection, transaction, id!.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (role!, outcome);
    }

    /// <summary>Replaces a role's requirements; null when the role does not exist.</summary>
    public Task<Role?> ReplaceRequirementsAsync(
        long id,
        IReadOnlyList<Requirement> requirements,
        RequirementsSource source,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(id, current => current.Content with { Requirements = requirements, RequirementsSource = source }, cancellationToken);

    /// <summary>Opens or closes a role; null when the role does not exist.</summary>
    public Task<Role?> SetStatusAsync(long id, RoleStatus status, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, current => current.Content with { Status = status }, cancellationToken);

    /// <summary>Deletes a role and (by cascade) its requirements; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        const string sql = "DELETE FROM roles WHERE id = @Id;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Roles matching the query, newest first, with the total count of matches.</summary>
    public async Task<RolePage> ListAsync(RoleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string filter = """
            WHERE (@Status IS NULL OR r.status = @Status)
              AND (@ExternalId IS NULL OR r.external_id = @ExternalId)
              AND (@Title IS NULL OR r.title LIKE '%' || @Title || '%' ESCAPE '\')
            """;
        const string sql = $"""
            SELECT r.id AS Id, r.external_id AS ExternalId, r.title AS Title, r.status AS Status, r.version AS Version,
                   r.updated_at AS UpdatedAt,
                   (SELECT COUNT(*) FROM role_requirements q WHERE q.role_id = r.id) AS RequirementCount
            FROM roles r
            {filter}
            ORDER BY r.id DESC
            LIMIT @Limit OFFSET @Offset;
            SELECT COUNT(*) FROM roles r
            {filter};
            """;
        var parameters = new
        {
            Status = query.Status is { } status ? StoredJson.Name(status) : null,
            query.ExternalId,
            Title = query.Title is null ? null : EscapeLike(query.Title),
            query.Limit,
            query.Offset,
        };

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var rows = await results.ReadAsync<SummaryRow>();
        var total = await results.ReadSingleAsync<long>();
        var items = rows
            .Select(r => new RoleSummary(r.Id, r.ExternalId, r.Title, StoredJson.ParseName<RoleStatus>(r.Status), r.RequirementCount, r.Version, ParseTime(r.UpdatedAt)))
            .ToList();
        return new RolePage(items, total);
    }

    private async Task<Role?> ChangeAsync(long id, Func<Role, RoleContent> change, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = await ReadAsync(connection, transaction, id, cancellationToken);
        if (current is null)
        {
            return null;
        }

        await UpdateAsync(connection, transaction, current, change(current), cancellationToken);
        var role = await ReadAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return role;
    }

    private async Task<long> InsertAsync(
        SqliteConnection connection, DbTransaction transaction, string? externalId, RoleContent content, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO roles (external_id, title, status, posting_text, requirements_source, requirements_hash, version, created_at, updated_at)
            VALUES (@ExternalId, @Title, @Status, @PostingText, @RequirementsSource, @RequirementsHash, 1, @Now, @Now)
            RETURNING id;
            """;
        var now = Now();
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                sql,
                new
                {
                    ExternalId = externalId,
                    content.Title,
                    Status = StoredJson.Name(content.Status),
                    content.PostingText,
                    RequirementsSource = StoredJson.Name(content.RequirementsSource),
                    RequirementsHash = HashRequirements(content.Requirements),
                    Now = now,
                },
                transaction,
                cancellationToken: cancellationToken));
        }
        catch (SqliteException ex) when (ex is { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique } && externalId is not null)
        {
            throw new ConflictException($"A role with external id '{externalId}' already exists.", ex);
        }

        await InsertRequirementsAsync(connection, transaction, id, content.Requirements, cancellationToken);
        return id;
    }

    /// <summary>Writes <paramref name="content"/> over <paramref name="current"/>; false (and no write) when nothing differs.</summary>
    private async Task<bool> UpdateAsync(
        SqliteConnection connection, DbTransaction transaction, Role current, RoleContent content, CancellationToken cancellationToken)
    {
        var hash = HashRequirements(content.Requirements);
        var old = current.Content;
        var requirementsChanged = hash != current.RequirementsHash;
        if (!requirementsChanged
            && old.Title == content.Title
            && old.Status == content.Status
            && old.PostingText == content.PostingText
            && old.RequirementsSource == content.RequirementsSource)
        {
            return false;
        }

        const string sql = """
            UPDATE roles
            SET title = @Title, status = @Status, posting_text = @PostingText, requirements_source = @RequirementsSource,
                requirements_hash = @RequirementsHash, version = version + 1, updated_at = @Now
            WHERE id = @Id;
            """;
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                current.Id,
                content.Title,
                Status = StoredJson.Name(content.Status),
                content.PostingText,
                RequirementsSource = StoredJson.Name(content.RequirementsSource),
                RequirementsHash = hash,
                Now = Now(),
            },
            transaction,
            cancellationToken: cancellationToken));

        if (requirementsChanged)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM role_requirements WHERE role_id = @Id;", new { current.Id }, transaction, cancellationToken: cancellationToken));
            await InsertRequirementsAsync(connection, transaction, current.Id, content.Requirements, cancellationToken);
        }

        return true;
    }

    private static async Task InsertRequirementsAsync(
        SqliteConnection connection, DbTransaction transaction, long roleId, IReadOnlyList<Requirement> requirements, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO role_requirements (role_id, ordinal, level, category, text, attributes)
            VALUES (@RoleId, @Ordinal, @Level, @Category, @Text, @Attributes);
            """;
        var rows = requirements.Select((r, ordinal) => new
        {
            RoleId = roleId,
            Ordinal = ordinal,
            Level = StoredJson.Name(r.Level),
            Category = StoredJson.Name(r.Category),
            r.Text,
            Attributes = StoredJson.Serialize(r.Attributes),
        });

        // Dapper runs the statement once per row, all inside the caller's transaction.
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<Role?> ReadAsync(SqliteConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        const string roleSql = """
            SELECT id AS Id, external_id AS ExternalId, title AS Title, status AS Status, posting_text AS PostingText,
                   requirements_source AS RequirementsSource, requirements_hash AS RequirementsHash, version AS Version,
                   created_at AS CreatedAt, updated_at AS UpdatedAt
            FROM roles WHERE id = @Id;
            """;
        const string requirementsSql = """
            SELECT level AS Level, category AS Category, text AS Text, attributes AS Attributes
            FROM role_requirements WHERE role_id = @Id ORDER BY ordinal;
            """;
        var row = await connection.QuerySingleOrDefaultAsync<RoleRow>(new CommandDefinition(roleSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var requirements = (await connection.QueryAsync<RequirementRow>(new CommandDefinition(requirementsSql, new { Id = id }, transaction, cancellationToken: cancellationToken)))
            .Select(r => new Requirement(
                StoredJson.ParseName<RequirementLevel>(r.Level),
                StoredJson.ParseName<RequirementCategory>(r.Category),
                r.Text,
                StoredJson.Deserialize<RequirementAttributes>(r.Attributes)))
            .ToList();

        var content = new RoleContent(
            row.Title,
            StoredJson.ParseName<RoleStatus>(row.Status),
            row.PostingText,
            requirements,
            StoredJson.ParseName<RequirementsSource>(row.RequirementsSource));
        return new Role(row.Id, row.ExternalId, content, row.RequirementsHash, row.Version, ParseTime(row.CreatedAt), ParseTime(row.UpdatedAt));
    }

    private static async Task<long?> FindIdByExternalIdAsync(
        SqliteConnection connection, DbTransaction transaction, string externalId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id FROM roles WHERE external_id = @ExternalId;";
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, new { ExternalId = externalId }, transaction, cancellationToken: cancellationToken));
    }

    private static ConflictException DuplicateExternalId(string externalId, long existingId) =>
        new($"A role with external id '{externalId}' already exists (id {existingId}).");

    /// <summary>The hash the scorer compares to know a role's requirements changed.</summary>
    public static string HashRequirements(IReadOnlyList<Requirement> requirements) => StoredJson.Hash(requirements);

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private sealed class RoleRow
    {
        public long Id { get; init; }
        public string? ExternalId { get; init; }
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public string PostingText { get; init; } = "";
        public string RequirementsSource { get; init; } = "";
        public string RequirementsHash { get; init; } = "";
        public long Version { get; init; }
        public string CreatedAt { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
    }

    private sealed class RequirementRow
    {
        public string Level { get; init; } = "";
        public string Category { get; init; } = "";
        public string Text { get; init; } = "";
        public string Attributes { get; init; } = "{}";
    }

    private sealed class SummaryRow
    {
        public long Id { get; init; }
        public string? ExternalId { get; init; }
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public long Version { get; init; }
        public string UpdatedAt { get; init; } = "";
        public long RequirementCount { get; init; }
    }
}
