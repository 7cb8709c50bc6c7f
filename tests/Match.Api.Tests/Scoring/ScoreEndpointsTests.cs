using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Match.Api.Tests.Roles;

namespace Match.Api.Tests.Scoring;

public sealed class ScoreEndpointsTests
{
    [Fact]
    public async Task Scoring_text_explains_every_requirement_with_status_score_evidence_and_reason()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var role = await client.GetJsonAsync($"/roles/{roleId}");

        var (status, body) = await client.PostForJsonAsync($"/roles/{roleId}/score", new { text = ScoringApi.DataEngineerResume });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(roleId, body.GetProperty("roleId").GetInt64());
        Assert.Equal(role.GetProperty("version").GetInt64(), body.GetProperty("roleVersion").GetInt64());
        Assert.False(body.TryGetProperty("resumeId", out _));
        var model = await client.GetJsonAsync("/model");
        Assert.Equal(model.Str("version"), body.Str("modelVersion"));
        Assert.InRange(body.GetProperty("score").GetDouble(), 0, 100);
        Assert.True(body.GetProperty("meetsAllMinimums").GetBoolean(), body.ToString());
        Assert.Empty(body.GetProperty("knockOuts").EnumerateArray());
        var weights = body.GetProperty("weights");
        Assert.Equal(Match.Scoring.Matching.ScoreWeights.Default.Minimum, weights.GetProperty("minimum").GetDouble());
        Assert.Equal(Match.Scoring.Matching.ScoreWeights.Default.Profile, weights.GetProperty("profile").GetDouble());

        var requirements = body.GetProperty("requirements").EnumerateArray().ToList();
        Assert.Equal(role.Requirements().Count, requirements.Count);
        foreach (var requirement in requirements)
        {
            Assert.Contains(requirement.Str("status"), new[] { "met", "partial", "missing" });
            Assert.Contains(requirement.Str("level"), new[] { "minimum", "preferred" });
            Assert.InRange(requirement.GetProperty("score").GetDouble(), 0, 1);
            Assert.False(string.IsNullOrWhiteSpace(requirement.Str("reason")));
            Assert.False(string.IsNullOrWhiteSpace(requirement.Str("requirement")));
        }

        // Evidence is a real span of the résumé's text.
        var met = requirements.First(r => r.Str("status") == "met" && r.TryGetProperty("evidence", out _));
        var evidence = met.GetProperty("evidence");
        Assert.Contains(evidence.Str("text").Trim(), ScoringApi.DataEngineerResume, StringComparison.Ordinal);
        Assert.True(evidence.GetProperty("length").GetInt32() > 0);
    }

    [Fact]
    public async Task A_stored_resume_scores_as_its_text_does_and_the_better_fit_scores_higher()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var engineer = await client.CreateResumeAsync(ScoringApi.DataEngineerResume);
        var nurse = await client.CreateResumeAsync(ScoringApi.NurseResume);

        var (status, stored) = await client.PostForJsonAsync($"/roles/{roleId}/score", new { resumeId = engineer });
        var (_, text) = await client.PostForJsonAsync($"/roles/{roleId}/score", new { text = ScoringApi.DataEngineerResume });
        var (_, other) = await client.PostForJsonAsync($"/roles/{roleId}/score", new { resumeId = nurse });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(engineer, stored.GetProperty("resumeId").GetInt64());
        Assert.Equal(1, stored.GetProperty("resumeVersion").GetInt64());
        Assert.Equal(text.GetProperty("score").GetDouble(), stored.GetProperty("score").GetDouble(), 6);
        Assert.True(stored.GetProperty("score").GetDouble() > other.GetProperty("score").GetDouble() + 10, $"{stored} vs {other}");
    }

    [Fact]
    public async Task Every_score_leaves_an_audit_row_with_ids_and_hashes_only()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var engineer = await client.CreateResumeAsync(ScoringApi.DataEngineerResume);

        var (_, stored) = await client.PostForJsonAsync($"/roles/{roleId}/score", new { resumeId = engineer });
        await client.PostForJsonAsync($"/roles/{roleId}/score", new { text = ScoringApi.NurseResume });
        await client.PostForJsonAsync("/batch/score", new { roleIds = new[] { roleId }, items = new object[] { new { resumeId = engineer }, new { text = ScoringApi.NurseResume } } });

        Assert.Equal(2, await MatchEndpointsTests.CountAsync(app, $"SELECT COUNT(*) FROM audit_log WHERE action = 'score' AND role_id = {roleId}"));
        Assert.Equal(2, await MatchEndpointsTests.CountAsync(app, $"SELECT COUNT(*) FROM audit_log WHERE action = 'batchScore' AND role_id = {roleId}"));
        Assert.Equal(1, await MatchEndpointsTests.CountAsync(
            app, $"SELECT COUNT(*) FROM audit_log WHERE action = 'score' AND resume_id = {engineer} AND abs(score - {stored.GetProperty("score").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}) < 1e-9"));
        Assert.Equal(0, await MatchEndpointsTests.CountAsync(app, "SELECT COUNT(*) FROM audit_log WHERE inputs_hash LIKE '%Registered%' OR outcome LIKE '%Registered%'"));
    }

    [Fact]
    public async Task Plain_text_body_and_custom_weights_are_accepted()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var plain = await client.SendRawAsync(HttpMethod.Post, $"/roles/{roleId}/score", ScoringApi.DataEngineerResume, "text/plain");
        var (status, weighted) = await client.PostForJsonAsync(
            $"/roles/{roleId}/score", new { text = ScoringApi.DataEngineerResume, weights = new { minimum = 1.0, preferred = 0.0, profile = 0.0 } });

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        var applied = weighted.GetProperty("weights");
        Assert.Equal(1.0, applied.GetProperty("minimum").GetDouble());
        Assert.Equal(0.0, applied.GetProperty("profile").GetDouble());
        // With all weight on minimums the score is the minimum coverage alone; for a résumé whose parts differ (a nurse
        // against a data role) the default weights give another score.
        Assert.Equal(Math.Round(100 * weighted.GetProperty("minimumCoverage").GetDouble(), 4), weighted.GetProperty("score").GetDouble(), 6);
        var (_, nurseDefault) = await client.PostForJsonAsync($"/roles/{roleId}/score", new { text = ScoringApi.NurseResume });
        var (_, nurseMinimums) = await client.PostForJsonAsync(
            $"/roles/{roleId}/score", new { text = ScoringApi.NurseResume, weights = new { minimum = 1.0, preferred = 0.0, profile = 0.0 } });
        Assert.Equal(Math.Round(100 * nurseMinimums.GetProperty("minimumCoverage").GetDouble(), 4), nurseMinimums.GetProperty("score").GetDouble(), 6);
        Assert.NotEqual(nurseDefault.GetProperty("score").GetDouble(), nurseMinimums.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task An_uploaded_file_is_stored_only_when_the_caller_asks_to_keep_it()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var transient = await client.PostAsync(ScoringApi.At($"/roles/{roleId}/score"), Upload(ScoringApi.DataEngineerResume));
        var afterTransient = await client.GetJsonAsync("/resumes");
        var kept = await client.PostAsync(ScoringApi.At($"/roles/{roleId}/score"), Upload(ScoringApi.DataEngineerResume, ("keep", "true"), ("externalId", "cand-7")));
        var afterKept = await client.GetJsonAsync("/resumes");

        Assert.Equal(HttpStatusCode.OK, transient.StatusCode);
        var transientBody = await transient.JsonAsync();
        Assert.False(transientBody.TryGetProperty("resumeId", out _));
        Assert.Equal(0, afterTransient.GetProperty("total").GetInt64());

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var keptBody = await kept.JsonAsync();
        var keptId = keptBody.GetProperty("resumeId").GetInt64();
        Assert.Equal(1, afterKept.GetProperty("total").GetInt64());
        var stored = await client.GetJsonAsync($"/resumes/{keptId}");
        Assert.Equal("cand-7", stored.Str("externalId"));
        Assert.Equal(transientBody.GetProperty("score").GetDouble(), keptBody.GetProperty("score").GetDouble(), 6);
    }

    [Fact]
    public async Task Unknown_role_and_resume_ids_answer_404_naming_the_id()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var noRole = await client.PostAsJsonAsync(ScoringApi.At("/roles/9999/score"), new { text = ScoringApi.DataEngineerResume });
        var noResume = await client.PostAsJsonAsync(ScoringApi.At($"/roles/{roleId}/score"), new { resumeId = 4242 });

        Assert.Contains("9999", (await noRole.AssertProblemAsync(HttpStatusCode.NotFound)).Str("detail"), StringComparison.Ordinal);
        Assert.Contains("4242", (await noResume.AssertProblemAsync(HttpStatusCode.NotFound)).Str("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"resumeId": 1, "text": "Python developer"}""", "resume")]
    [InlineData("""{}""", "resume")]
    [InlineData("""{"text": "   "}""", "text")]
    [InlineData("""{"text": "Python developer", "weights": {"minimum": 0, "preferred": 0, "profile": 0}}""", "weights")]
    [InlineData("""{"text": "Python developer", "weights": {"minimum": -1}}""", "weights.minimum")]
    [InlineData("""{"text": 5}""", "body")]
    public async Task Malformed_score_requests_answer_400_naming_the_field(string json, string field)
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var response = await client.SendRawAsync(HttpMethod.Post, $"/roles/{roleId}/score", json, "application/json");

        Assert.Contains(field, await response.AssertValidationProblemAsync());
    }

    private static MultipartFormDataContent Upload(string text, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
        form.Add(file, "file", "resume.txt");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }
}
