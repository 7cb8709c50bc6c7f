using Match.Data.Migrations;
using Microsoft.Data.Sqlite;

namespace Match.Data.Tests;

public sealed class MigrationRunnerTests
{
    [Fact]
    public void Embedded_migrations_are_numbered_from_1_without_gaps()
    {
        var versions = MigrationRunner.EmbeddedMigrations().Select(m => m.Version).Order().ToList();

        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        Assert.Contains(MigrationRunner.EmbeddedMigrations(), m => m is { Version: 1, Name: "roles" });
    }

    [Fact]
    public async Task Applying_twice_applies_each_migration_once()
    {
        await using var database = await TempDatabase.CreateAsync(migrate: false);
        var runner = new MigrationRunner(database.Connections);

        var first = await runner.ApplyAsync();
        var second = await runner.ApplyAsync();

        Assert.Equal(runner.Migrations.Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal(first, await runner.AppliedVersionsAsync());
        Assert.Equal(first.Count, await database.CountAsync("schema_version"));
    }

    [Fact]
    public async Task Migrations_run_in_version_order_whatever_order_they_are_given_in()
    {
        await using var database = await TempDatabase.CreateAsync(migrate: false);
        var runner = new MigrationRunner(database.Connections,
        [
            new Migration(2, "child", "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));"),
            new Migration(1, "parent", "CREATE TABLE parent (id INTEGER PRIMARY KEY);"),
        ]);

        Assert.Equal([1, 2], await runner.ApplyAsync());
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_and_later_ones_do_not_run()
    {
        await using var database = await TempDatabase.CreateAsync(migrate: false);
        var runner = new MigrationRunner(database.Connections,
        [
            new Migration(1, "good", "CREATE TABLE good (id INTEGER PRIMARY KEY);"),
            new Migration(2, "half", "CREATE TABLE half_done (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);"),
            new Migration(3, "after", "CREATE TABLE after_failure (id INTEGER PRIMARY KEY);"),
        ]);

        await Assert.ThrowsAsync<SqliteException>(() => runner.ApplyAsync());

        Assert.Equal([1], await runner.AppliedVersionsAsync());
        await using var connection = await database.Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('good', 'half_done', 'after_failure');";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        Assert.Equal(["good"], tables);
    }

    [Fact]
    public void Two_migrations_with_one_version_are_refused()
    {
        var connections = new SqliteConnectionFactory(Path.Combine(Path.GetTempPath(), "unused.db"));

        var error = Assert.Throws<InvalidOperationException>(() => new MigrationRunner(connections,
            [new Migration(1, "a", "SELECT 1;"), new Migration(1, "b", "SELECT 1;")]));

        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_have_foreign_keys_on_synchronous_normal_and_the_file_is_in_wal_mode()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var connection = await database.Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys; PRAGMA journal_mode; PRAGMA busy_timeout; PRAGMA synchronous;";
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        Assert.Equal("wal", reader.GetString(0));
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        Assert.Equal(2000L, reader.GetInt64(0));
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        Assert.Equal(1L, reader.GetInt64(0)); // NORMAL
    }
}
