using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Match.Api.Tests;

/// <summary>The API in memory over its own real SQLite file in a fresh temp folder, deleted on dispose. One per test.</summary>
public sealed class MatchApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    /// <param name="settings">Configuration overrides, e.g. <c>["Match:Limits:MaxPostingBytes"] = "1024"</c>.</param>
    public MatchApp(IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "match-tests", Guid.NewGuid().ToString("N"));
        // The model is fitted on first use, so tests that never score do not pay for a fit; a test's own settings win.
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Match:Model:LoadOnStart"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _settings["Match:Data:Folder"] = DataFolder;
    }

    public string DataFolder { get; }

    public string DatabasePath => Path.Combine(DataFolder, "match.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDatabase();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteDatabase();
    }

    private void DeleteDatabase()
    {
        // Pooled connections keep the file open; drop them before deleting the folder.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
