using Microsoft.Data.Sqlite;

namespace Match.Data;

/// <summary>Opens connections to Match's SQLite file with foreign keys on, a busy timeout (milliseconds) and synchronous=NORMAL.</summary>
public sealed class SqliteConnectionFactory
{
    private readonly string _busyTimeoutPragma;

    public SqliteConnectionFactory(string databasePath, int busyTimeoutMilliseconds = 5000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentOutOfRangeException.ThrowIfNegative(busyTimeoutMilliseconds);
        DatabasePath = Path.GetFullPath(databasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
        }.ToString();
        // In WAL mode, synchronous=NORMAL keeps every commit across a killed process (kill -9 included) and only risks
        // the last commits on power loss; FULL's fsync per commit made audited single scores miss their p99.
        _busyTimeoutPragma = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    public string ConnectionString { get; }

    /// <summary>An open connection; the caller disposes it (which returns it to the pool).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = _busyTimeoutPragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
