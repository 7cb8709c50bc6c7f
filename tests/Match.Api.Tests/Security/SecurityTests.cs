using System.Net;
using System.Text.Json;
using Match.Api.Security;
using Match.Api.Tests.Roles;
using Match.Data.Keys;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Match.Api.Tests.Security;

/// <summary>No key, wrong key, revoked key, too narrow a scope, injection-shaped input: each gets its error and changes nothing.</summary>
public sealed class SecurityTests
{
    private const string Posting = "Data Engineer\n\nMinimum qualifications:\n3 years of experience with Python.\n";

    [Fact]
    public async Task A_request_without_a_key_gets_401_problem_details_and_changes_nothing()
    {
        await using var app = new MatchApp();
        using var anonymous = app.CreateAnonymousClient();

        var create = await anonymous.PostJsonAsync("/roles", new { postingText = Posting });
        var list = await anonymous.GetAsync("/roles");

        var problem = await create.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", create.Headers.WwwAuthenticate.ToString());
        await list.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await CountAsync(app, "roles"));
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("mk_0123456789abcdef_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("mk_' OR '1'='1")]
    [InlineData("mk_0123456789abcdef_' OR 1=1; DROP TABLE api_keys; --")]
    public async Task A_wrong_or_injection_shaped_key_gets_401_and_changes_nothing(string key)
    {
        await using var app = new MatchApp();
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(ApiKeyFormat.HeaderName, key);

        var response = await client.PostJsonAsync("/roles", new { postingText = Posting });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The API key is not valid or has been revoked.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync(app, "roles"));
        Assert.Equal(1, await CountAsync(app, "api_keys")); // the admin key of CreateClient, untouched
    }

    [Fact]
    public async Task A_known_key_id_with_a_wrong_secret_gets_401()
    {
        await using var app = new MatchApp();
        var real = app.CreateKey(ApiScope.Admin);
        var forged = real[..^8] + (real[^8..] == "00000000" ? "11111111" : "00000000");
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, forged);

        var response = await client.GetAsync("/roles");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_key_headers_get_401()
    {
        await using var app = new MatchApp();
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, [app.AdminKey, app.CreateKey(ApiScope.Read)]);

        var response = await client.GetAsync("/roles");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("exactly one", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_gets_401_on_its_very_next_request()
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();
        using var writer = app.CreateClient(ApiScope.Write);
        var before = await writer.PostJsonAsync("/roles", new { postingText = Posting });
        var keyId = (await (await admin.GetAsync("/keys")).JsonAsync()).EnumerateArray().Last().Str("keyId");

        var revoke = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri($"/keys/{keyId}", UriKind.Relative)));
        var after = await writer.PostJsonAsync("/roles", new { postingText = Posting });
        var read = await writer.GetAsync("/roles");

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.True((await revoke.JsonAsync()).TryGetProperty("revokedAt", out _));
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await read.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(1, await CountAsync(app, "roles"));
    }

    [Fact]
    public async Task A_read_key_reads_but_gets_403_on_writes_and_changes_nothing()
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();
        var role = await admin.CreateAsync(Posting);
        using var reader = app.CreateClient(ApiScope.Read);

        var get = await reader.GetAsync($"/roles/{role.Id()}");
        var create = await reader.PostJsonAsync("/roles", new { postingText = Posting });
        var status = await reader.PutJsonAsync($"/roles/{role.Id()}/status", new { status = "closed" });
        var delete = await reader.DeleteAsync(new Uri($"/roles/{role.Id()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var problem = await create.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("This request needs a key with scope write; this key has scope read.", problem.GetProperty("detail").GetString());
        await status.AssertProblemAsync(HttpStatusCode.Forbidden);
        await delete.AssertProblemAsync(HttpStatusCode.Forbidden);
        var stored = await (await admin.GetAsync($"/roles/{role.Id()}")).JsonAsync();
        Assert.Equal("open", stored.Str("status"));
        Assert.Equal(1, await CountAsync(app, "roles"));
    }

    [Fact]
    public async Task Scopes_nest_admin_over_write_over_read_and_admin_endpoints_need_admin()
    {
        await using var app = new MatchApp();
        using var reader = app.CreateClient(ApiScope.Read);
        using var writer = app.CreateClient(ApiScope.Write);
        using var admin = app.CreateClient(ApiScope.Admin);

        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await writer.PostJsonAsync("/roles", new { postingText = Posting })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/roles", new { postingText = Posting })).StatusCode);
        foreach (var client in new[] { reader, writer })
        {
            await (await client.GetAsync("/keys")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostJsonAsync("/keys", new { name = "sneaky", scope = "admin" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostJsonAsync("/model/refit", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/audit")).StatusCode);
        Assert.Equal(4, await CountAsync(app, "api_keys")); // the three above and MatchApp's admin key; no "sneaky"
    }

    [Fact]
    public async Task Health_swagger_and_the_openapi_document_need_no_key()
    {
        await using var app = new MatchApp();
        using var anonymous = app.CreateAnonymousClient();

        foreach (var path in new[] { "/health/live", "/health/ready", "/swagger/index.html", "/swagger/v1/swagger.json" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_mapped_endpoint_but_health_and_the_root_redirect_answers_401_without_a_key()
    {
        await using var app = new MatchApp();
        using var anonymous = app.CreateAnonymousClient();
        var open = new HashSet<string>(StringComparer.Ordinal) { "/health/live", "/health/ready", "/" };

        var checkedCount = 0;
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                    parameter.ParameterPolicies.Any(p => p.Content is "long" or "int") ? "1" : "x",
                _ => "",
            }))));
            if (open.Contains(path))
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await anonymous.SendAsync(request);
                await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 15, $"only {checkedCount} endpoints checked");
    }

    [Fact]
    public async Task Sql_injection_shaped_input_is_stored_or_rejected_as_data_and_changes_nothing_else()
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();
        const string title = "Engineer'); DROP TABLE roles; --";
        var role = await admin.CreateAsync(Posting, title: title);

        var badExternalId = await admin.PostJsonAsync("/roles", new { externalId = "x' OR '1'='1", postingText = Posting });
        var titleSearch = await admin.GetAsync("/roles?title=" + Uri.EscapeDataString("' OR 1=1 --"));
        var wildcardSearch = await admin.GetAsync("/roles?title=" + Uri.EscapeDataString("%"));
        var auditSearch = await admin.GetAsync("/audit?keyId=" + Uri.EscapeDataString("' OR 1=1 --"));
        var revokeAll = await admin.DeleteAsync(new Uri("/keys/" + Uri.EscapeDataString("x' OR '1'='1"), UriKind.Relative));
        var keyName = await admin.PostJsonAsync("/keys", new { name = "ats'; UPDATE api_keys SET scope='admin'; --", scope = "read" });

        Assert.Equal(title, role.Str("title"));
        Assert.Contains("externalId", await badExternalId.AssertValidationProblemAsync());
        Assert.Equal(0, (await titleSearch.JsonAsync()).GetProperty("total").GetInt64());
        Assert.Equal(0, (await wildcardSearch.JsonAsync()).GetProperty("total").GetInt64());
        Assert.Equal(0, (await auditSearch.JsonAsync()).GetProperty("total").GetInt64());
        await revokeAll.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, keyName.StatusCode);
        Assert.Equal("read", (await keyName.JsonAsync()).Str("scope"));
        Assert.Equal(1, await CountAsync(app, "roles"));
        Assert.Equal(0, await CountAsync(app, "api_keys WHERE revoked_at IS NOT NULL"));
        Assert.Equal(1, await CountAsync(app, "api_keys WHERE scope = 'admin'"));
    }

    [Fact]
    public async Task An_oversized_body_on_an_endpoint_without_its_own_limit_gets_413_and_changes_nothing()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Limits:MaxRequestBodyBytes"] = "1024" });
        using var admin = app.CreateClient();
        var role = await admin.CreateAsync(Posting);

        var key = await admin.PostJsonAsync("/keys", new { name = new string('k', 4000), scope = "read" });
        var status = await admin.PutJsonAsync($"/roles/{role.Id()}/status", new { status = "closed", padding = new string(' ', 4000) });

        await key.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await status.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(1, await CountAsync(app, "api_keys"));
        Assert.Equal("open", (await (await admin.GetAsync($"/roles/{role.Id()}")).JsonAsync()).Str("status"));
    }

    internal static async Task<long> CountAsync(MatchApp app, string tableAndFilter)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {tableAndFilter};";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
