using System.Net;
using System.Text.Json;
using Match.Api.Security;
using Match.Api.Tests.Jobs;
using Match.Api.Tests.Roles;
using Match.Api.Tests.Scoring;
using Match.Data.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Match.Api.Tests.Audit;

/// <summary>Batch, job and ranking scores each leave one audit row per pair, under the key that asked, read back through GET /audit.</summary>
public sealed class ScorePathAuditTests
{
    [Fact]
    public async Task A_synchronous_batch_leaves_one_row_per_pair_with_the_callers_key()
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();
        var (writer, keyId) = KeyedClient(app, ApiScope.Write);
        using var _ = writer;
        var roles = new[] { await admin.CreateRoleAsync(ScoringApi.DataEngineerPosting), await admin.CreateRoleAsync(ScoringApi.NursePosting) };
        var engineer = await admin.CreateResumeAsync(ScoringApi.DataEngineerResume);

        var response = await writer.PostBatchAsync(new { roleIds = roles, items = new object[] { new { resumeId = engineer }, new { text = ScoringApi.NurseResume } } });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var results = (await response.JsonAsync()).GetProperty("results").EnumerateArray().ToList();
        var rows = await AuditRowsAsync(admin, keyId);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("batchScore", r.Str("action")));
        AssertOneRowPerResult(rows, results, i => i == 0 ? engineer : null);
    }

    [Fact]
    public async Task A_job_leaves_one_row_per_pair_with_the_submitters_key_once_it_completes()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "1", ["Match:Jobs:ChunkPairs"] = "2" });
        using var admin = app.CreateClient();
        var (writer, keyId) = KeyedClient(app, ApiScope.Write);
        using var _ = writer;
        var roles = new[] { await admin.CreateRoleAsync(ScoringApi.DataEngineerPosting), await admin.CreateRoleAsync(ScoringApi.NursePosting) };
        var engineer = await admin.CreateResumeAsync(ScoringApi.DataEngineerResume);
        var nurse = await admin.CreateResumeAsync(ScoringApi.NurseResume);
        var items = new object[] { new { resumeId = engineer }, new { resumeId = nurse }, new { text = ScoringApi.DataEngineerResume + "\nGo" } };

        var response = await writer.PostBatchAsync(new { roleIds = roles, items });

        await response.AssertStatusAsync(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal("succeeded", (await writer.WaitForJobAsync(location)).Str("state"));
        var results = await writer.AllResultsAsync(location);
        Assert.Equal(6, results.Count);
        var rows = await AuditRowsAsync(admin, keyId);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal("jobScore", r.Str("action")));
        AssertOneRowPerResult(rows, results, i => i switch { 0 => engineer, 1 => nurse, _ => null });
    }

    [Fact]
    public async Task Rankings_audit_the_pairs_they_recompute_under_the_callers_key()
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();
        var (reader, keyId) = KeyedClient(app, ApiScope.Read);
        using var _ = reader;
        var engineering = await admin.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var engineer = await admin.CreateResumeAsync(ScoringApi.DataEngineerResume);
        var nurse = await admin.CreateResumeAsync(ScoringApi.NurseResume);

        var ranked = await reader.GetJsonAsync($"/roles/{engineering}/matches");
        var again = await reader.GetJsonAsync($"/roles/{engineering}/matches");
        var nursing = await admin.CreateRoleAsync(ScoringApi.NursePosting);
        var rolesRanked = await reader.GetJsonAsync($"/resumes/{nurse}/matches");

        Assert.Equal(2, ranked.GetProperty("recomputed").GetInt32());
        Assert.Equal(0, again.GetProperty("recomputed").GetInt32());
        Assert.Equal(1, rolesRanked.GetProperty("recomputed").GetInt32());
        var rows = await AuditRowsAsync(admin, keyId);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("rankScore", r.Str("action")));
        Assert.All(rows, r => Assert.Equal(ranked.Str("modelVersion"), r.Str("modelVersion")));
        Assert.Equal(
            [(engineering, engineer), (engineering, nurse), (nursing, nurse)],
            rows.Select(r => (r.GetProperty("roleId").GetInt64(), r.GetProperty("resumeId").GetInt64())).Order());
        foreach (var match in ranked.GetProperty("items").EnumerateArray())
        {
            var row = rows.Single(r => r.GetProperty("roleId").GetInt64() == engineering && r.GetProperty("resumeId").GetInt64() == match.GetProperty("resumeId").GetInt64());
            Assert.Equal(match.GetProperty("score").GetDouble(), row.GetProperty("score").GetDouble(), 6);
        }
    }

    private static (HttpClient Client, string KeyId) KeyedClient(MatchApp app, ApiScope scope)
    {
        var created = app.Services.GetRequiredService<ApiKeys>().CreateAsync("audited", scope).GetAwaiter().GetResult();
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, created.Key);
        return (client, created.Stored.KeyId);
    }

    private static async Task<List<JsonElement>> AuditRowsAsync(HttpClient admin, string keyId)
    {
        var page = await admin.GetJsonAsync($"/audit?keyId={Uri.EscapeDataString(keyId)}&limit=200");
        var rows = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(rows.Count, page.GetProperty("total").GetInt64());
        return rows;
    }

    // Null fields are left out of the JSON, so an inline résumé's row has no resumeId.
    private static long? ResumeIdOf(JsonElement row) =>
        row.TryGetProperty("resumeId", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : null;

    // Each result has exactly one scored row naming its role, résumé (null for inline text), model version, score and a SHA-256 inputs hash.
    private static void AssertOneRowPerResult(List<JsonElement> rows, List<JsonElement> results, Func<int, long?> resumeOf)
    {
        foreach (var result in results)
        {
            var (item, roleId) = result.Pair();
            var resumeId = resumeOf(item);
            var row = Assert.Single(rows, r =>
                r.GetProperty("roleId").GetInt64() == roleId
                && ResumeIdOf(r) == resumeId
                && Math.Abs(r.GetProperty("score").GetDouble() - result.GetProperty("score").GetDouble()) < 1e-9);
            Assert.Equal("scored", row.Str("outcome"));
            Assert.Equal(result.Str("modelVersion"), row.Str("modelVersion"));
            Assert.Matches("^[0-9a-f]{64}$", row.Str("inputsHash"));
        }
    }
}
