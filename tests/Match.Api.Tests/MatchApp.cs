using Match.Api.Security;
using Match.Data.Keys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Match.Api.Tests;

/// <summary>
/// The API in memory over its own real SQLite file in a fresh temp folder, deleted on dispose. One per test.
/// <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> sends an admin API key; <see cref="CreateClient(ApiScope)"/>
/// sends a key of that scope and <see cref="CreateAnonymousClient"/> none.
/// </summary>
public sealed class MatchApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Lock _adminKeyLock = new();
    private readonly Action<IWebHostBuilder>? _configureHost;
    private string? _adminKey;

    /// <param name="settings">Configuration overrides, e.g. <c>["Match:Limits:MaxPostingBytes"] = "1024"</c>.</param>
    /// <param name="configureHost">Further host set-up, e.g. an extra logging provider.</param>
    public MatchApp(IReadOnlyDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configureHost = null)
    {
        _configureHost = configureHost;
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

    /// <summary>The admin key every <c>CreateClient()</c> client sends; created in this app's database on first use.</summary>
    public string AdminKey
    {
        get
        {
            lock (_adminKeyLock)
            {
                return _adminKey ??= CreateKey(ApiScope.Admin, "tests-admin");
            }
        }
    }

    /// <summary>A new key of <paramref name="scope"/> in this app's database (starts the app if needed).</summary>
    public string CreateKey(ApiScope scope, string name = "tests") =>
        Services.GetRequiredService<ApiKeys>().CreateAsync(name, scope).GetAwaiter().GetResult().Key;

    /// <summary>A client that sends a fresh key of <paramref name="scope"/>.</summary>
    public HttpClient CreateClient(ApiScope scope)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeyFormat.HeaderName);
        client.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, CreateKey(scope));
        return client;
    }

    /// <summary>A client that sends no API key.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeyFormat.HeaderName);
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, AdminKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        _configureHost?.Invoke(builder);
    }

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
