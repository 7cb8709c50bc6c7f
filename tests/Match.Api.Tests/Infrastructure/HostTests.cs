using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Match.Api.Tests.Infrastructure;

public sealed class HostTests
{
    [Fact]
    public async Task Live_and_ready_health_checks_answer_200()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_up_creates_the_database_under_the_data_folder_with_every_migration_applied()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.True(File.Exists(app.DatabasePath), app.DatabasePath);
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_version WHERE version = 1; PRAGMA journal_mode;";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        Assert.Equal("wal", reader.GetString(0));
    }

    [Fact]
    public async Task Disposing_the_test_host_deletes_its_database()
    {
        string folder;
        await using (var app = new MatchApp())
        {
            folder = app.DataFolder;
            using var client = app.CreateClient();
            await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.True(Directory.Exists(folder));
        }

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Unknown_routes_answer_404_problem_details()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/no-such-thing", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task Swagger_ui_and_openapi_document_are_served()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var ui = await client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));
        var document = await client.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("swagger-ui", await ui.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var json = JsonDocument.Parse(await document.Content.ReadAsStringAsync());
        Assert.Equal("Match API", json.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Invalid_options_stop_the_app_at_start_up()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Limits:MaxPostingBytes"] = "0" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("MaxPostingBytes", error.ToString(), StringComparison.Ordinal);
    }
}
