using System.Net;
using Match.Api.Audit;
using Match.Api.Tests.Roles;
using Match.Data.Audit;
using Match.Data.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Match.Api.Tests.Audit;

/// <summary>What score paths record through <see cref="IAuditLog"/> comes back from GET /audit, for admins only, filtered and paged.</summary>
public sealed class AuditTests
{
    [Fact]
    public async Task Recorded_scores_are_listed_newest_first_with_filters_and_paging()
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();
        var audit = app.Services.GetRequiredService<IAuditLog>();
        var inputs = AuditEntry.HashInputs("requirements-hash", "resume-content-hash", "model-v1");
        await audit.RecordScoreAsync(new AuditEntry("key-a", "score", 7, 70, "model-v1", inputs, AuditEntry.Scored, 81.25, true));
        await audit.RecordScoresAsync(
        [
            new AuditEntry("key-b", "batchScore", 7, 71, "model-v1", inputs, AuditEntry.Scored, 35, false),
            new AuditEntry("key-b", "batchScore", 8, 70, "model-v1", inputs, "failed: role closed"),
        ]);

        var all = await (await admin.GetAsync("/audit")).JsonAsync();
        var byKey = await (await admin.GetAsync("/audit?keyId=key-b")).JsonAsync();
        var byRole = await (await admin.GetAsync("/audit?roleId=7")).JsonAsync();
        var byResume = await (await admin.GetAsync("/audit?resumeId=70&limit=1&offset=1")).JsonAsync();

        Assert.Equal(3, all.GetProperty("total").GetInt64());
        var oldest = all.GetProperty("items")[2];
        Assert.Equal("key-a", oldest.Str("keyId"));
        Assert.Equal("score", oldest.Str("action"));
        Assert.Equal(7, oldest.GetProperty("roleId").GetInt64());
        Assert.Equal(70, oldest.GetProperty("resumeId").GetInt64());
        Assert.Equal("model-v1", oldest.Str("modelVersion"));
        Assert.Equal(inputs, oldest.Str("inputsHash"));
        Assert.Equal("scored", oldest.Str("outcome"));
        Assert.Equal(81.25, oldest.GetProperty("score").GetDouble());
        Assert.True(oldest.GetProperty("meetsAllMinimums").GetBoolean());
        Assert.Equal("failed: role closed", all.GetProperty("items")[0].Str("outcome"));
        Assert.Equal(2, byKey.GetProperty("total").GetInt64());
        Assert.Equal(2, byRole.GetProperty("total").GetInt64());
        Assert.Equal(2, byResume.GetProperty("total").GetInt64());
        Assert.Equal("key-a", byResume.GetProperty("items").EnumerateArray().Single().Str("keyId"));
    }

    [Theory]
    [InlineData("/audit?limit=0", "limit")]
    [InlineData("/audit?limit=201", "limit")]
    [InlineData("/audit?offset=-1", "offset")]
    [InlineData("/audit?roleId=0", "roleId")]
    public async Task A_bad_audit_query_gets_400_with_the_field(string path, string field)
    {
        await using var app = new MatchApp();
        using var admin = app.CreateClient();

        var fields = await (await admin.GetAsync(path)).AssertValidationProblemAsync();

        Assert.Contains(field, fields);
    }

    [Fact]
    public async Task Only_admin_keys_read_the_audit_trail()
    {
        await using var app = new MatchApp();
        using var writer = app.CreateClient(ApiScope.Write);
        using var anonymous = app.CreateAnonymousClient();

        await (await writer.GetAsync("/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync("/audit")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
