using Match.Data.Migrations;
using Microsoft.Data.Sqlite;

namespace Match.Data.Tests;

/// <summary>A real SQLite file in a fresh temp folder, deleted on dispose.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(string folder)
    {
        Folder = folder;
        Connections = new SqliteConnectionFactory(Path.Combine(folder, "match.db"), busyTimeoutMilliseconds: 2000);
    }

    public string Folder { get; }

    public SqliteConnectionFactory Connections { get; }

    /// <summary>A new database; with <paramref name="migrate"/>, every embedded migration applied.</summary>
    public static async Task<TempDatabase> CreateAsync(bool migrate = true)
    {
        var database = new TempDatabase(Path.Combine(Path.GetTempPath(), "match-data-tests", Guid.NewGuid().ToString("N")));
        if (migrate)
        {
            await new MigrationRunner(database.Connections).ApplyAsync();
        }

        return database;
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
