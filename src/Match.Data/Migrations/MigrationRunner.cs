using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;

namespace Match.Data.Migrations;

/// <summary>One numbered schema script (e.g. 0001_roles.sql → version 1, name "roles").</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>Applies numbered SQL migrations in order, each in its own transaction, recording them in <c>schema_version</c>.</summary>
public sealed partial class MigrationRunner
{
    private readonly SqliteConnectionFactory _connections;

    /// <summary>Uses the scripts embedded in Match.Data (Migrations/NNNN_name.sql).</summary>
    public MigrationRunner(SqliteConnectionFactory connections)
        : this(connections, EmbeddedMigrations())
    {
    }

    public MigrationRunner(SqliteConnectionFactory connections, IEnumerable<Migration> migrations)
    {
        _connections = connections;
        Migrations = [.. migrations.OrderBy(m => m.Version)];
        var duplicate = Migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
    }

    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Applies every migration not yet recorded; returns the versions applied now (empty when up to date).</summary>
    public async Task<IReadOnlyList<int>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(_connections.DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);

        // WAL is a property of the file and cannot be switched inside a transaction, so it is set here once.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(CreateVersionTable, cancellationToken: cancellationToken));

        var applied = new List<int>();
        foreach (var migration in Migrations)
        {
            // BEGIN IMMEDIATE takes the write lock before the check, so two processes starting together cannot both apply.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_version WHERE version = @Version;", new { migration.Version }, transaction, cancellationToken: cancellationToken));
            if (done > 0)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
                new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration.Version);
        }

        return applied;
    }

    /// <summary>Versions recorded in <c>schema_version</c>, ascending.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateVersionTable, cancellationToken: cancellationToken));
        var versions = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_version ORDER BY version;", cancellationToken: cancellationToken));
        return [.. versions.Select(v => checked((int)v))];
    }

    /// <summary>Scripts embedded from Match.Data/Migrations, named <c>NNNN_name.sql</c>.</summary>
    public static IReadOnlyList<Migration> EmbeddedMigrations()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ScriptName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration {resource} could not be read.");
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        return migrations;
    }

    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    [GeneratedRegex(@"\.Migrations\.(?<version>\d{4})_(?<name>\w+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptName();
}
