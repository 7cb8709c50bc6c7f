using System.Net;
using System.Security.Cryptography;
using System.Text;
using Match.Api.Security;
using Match.Api.Tests.Roles;
using Match.Data.Keys;
using Microsoft.Data.Sqlite;

namespace Match.Api.Tests.Security;

/// <summary>Keys are created by an admin endpoint or the <c>keys</c> command, shown once, stored as hashes, and revoked at once.</summary>
public sealed class KeyTests
{
    [Fact]
    public async Task An_admin_creates_a_key_that_is_shown_once_and_stored_only_as_its_hash()
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();

        var response = await admin.PostJsonAsync("/keys", new { name = "greenhouse", scope = "write" });
        var created = await response.JsonAsync();
        var key = created.Str("key");
        var listed = await (await admin.GetAsync("/keys")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/keys/{created.Str("keyId")}", response.Headers.Location?.OriginalString);
        Assert.Matches("^mk_[0-9a-f]{16}_[0-9a-f]{64}$", key);
        Assert.StartsWith($"mk_{created.Str("keyId")}_", key, StringComparison.Ordinal);
        Assert.Equal("write", created.Str("scope"));
        Assert.DoesNotContain(key[20..], listed, StringComparison.Ordinal);
        Assert.Contains("greenhouse", listed, StringComparison.Ordinal);

        var stored = await ReadStoredAsync(app, created.Str("keyId"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored.Hash);
        Assert.False(await DatabaseFilesContainAsync(app, key[20..]), "the key's secret is in the database files");

        using var writer = app.CreateAnonymousClient();
        writer.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, key);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/roles")).StatusCode);
    }

    [Theory]
    [InlineData("{\"name\":\"ats\"}", "scope")]
    [InlineData("{\"name\":\"ats\",\"scope\":\"root\"}", "")]
    [InlineData("{\"name\":\"  \",\"scope\":\"read\"}", "name")]
    [InlineData("{\"scope\":\"read\"}", "name")]
    public async Task A_bad_create_request_gets_400_and_creates_nothing(string body, string field)
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();

        var response = await admin.SendRawAsync(HttpMethod.Post, "/keys", body, "application/json");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        if (field.Length > 0)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }

        Assert.Equal(1, await SecurityTests.CountAsync(app, "api_keys"));
    }

    [Fact]
    public async Task Revoking_an_unknown_key_gets_404_and_revoking_twice_keeps_the_first_time()
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();
        var created = await (await admin.PostJsonAsync("/keys", new { name = "ats", scope = "read" })).JsonAsync();
        var path = $"/keys/{created.Str("keyId")}";

        var unknown = await admin.DeleteAsync(new Uri("/keys/0000000000000000", UriKind.Relative));
        var first = await (await admin.DeleteAsync(new Uri(path, UriKind.Relative))).JsonAsync();
        var second = await (await admin.DeleteAsync(new Uri(path, UriKind.Relative))).JsonAsync();

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(first.Str("revokedAt"), second.Str("revokedAt"));
    }

    [Fact]
    public async Task The_keys_command_creates_lists_and_revokes_keys_in_the_configured_data_folder()
    {
        await using var app = new MatchApp();
        var folder = $"--Match:Data:Folder={app.DataFolder}";
        var output = new StringWriter();
        var error = new StringWriter();

        var created = await KeyCommands.RunAsync(["keys", "create", "--name", "ats", "--scope", "write", folder], output, error);
        var key = output.ToString().Trim().Split('\n')[^1].Trim();
        Assert.True(created == 0, error.ToString());
        Assert.Matches("^mk_[0-9a-f]{16}_[0-9a-f]{64}$", key);

        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, key);
        var write = await client.PostJsonAsync("/roles", new { postingText = "Data Engineer\n\n3 years of Python." });
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);

        var list = new StringWriter();
        Assert.Equal(0, await KeyCommands.RunAsync(["keys", "list", folder], list, error));
        Assert.Contains(key[3..19], list.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key[20..], list.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, await KeyCommands.RunAsync(["keys", "revoke", key[3..19], folder], new StringWriter(), error));
        await (await client.GetAsync("/roles")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(1, await KeyCommands.RunAsync(["keys", "revoke", "0000000000000000", folder], new StringWriter(), new StringWriter()));
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("keys create --name ats")]
    [InlineData("keys create --name ats --scope root")]
    [InlineData("keys create --name ats --scope read,write")]
    [InlineData("keys create --scope read")]
    [InlineData("keys revoke")]
    public async Task The_keys_command_rejects_bad_usage_with_exit_code_2(string commandLine)
    {
        var error = new StringWriter();

        var exit = await KeyCommands.RunAsync(commandLine.Split(' '), new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<bool> DatabaseFilesContainAsync(MatchApp app, string text)
    {
        foreach (var path in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            if (Encoding.Latin1.GetString(copy.ToArray()).Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<(string Hash, string Scope)> ReadStoredAsync(MatchApp app, string keyId)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_hash, scope FROM api_keys WHERE key_id = $id;";
        command.Parameters.AddWithValue("$id", keyId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }
}
