using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Match.Api.Tests.Roles;
using Microsoft.Data.Sqlite;

namespace Match.Api.Tests.Scoring;

public sealed class MatchEndpointsTests
{
    private const string AnalystResume = """
        Chris Poe
        Summary
        Data analyst working in SQL and Python dashboards.
        Experience
        Retail Co 2019 - 2024 Data Analyst
        Wrote SQL reports and Python notebooks for sales.
        Education
        Bachelor of Arts : Economics 2018 City University
        """;

    [Fact]
    public async Task Resumes_are_ranked_best_first_and_a_second_call_reads_stored_scores()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var engineer = await client.CreateResumeAsync(ScoringApi.DataEngineerResume);
        var nurse = await client.CreateResumeAsync(ScoringApi.NurseResume);
        var analyst = await client.CreateResumeAsync(AnalystResume);

        var first = await client.GetJsonAsync($"/roles/{roleId}/matches");
        var second = await client.GetJsonAsync($"/roles/{roleId}/matches");

        Assert.Equal(3, first.GetProperty("recomputed").GetInt32());
        Assert.Equal(0, second.GetProperty("recomputed").GetInt32());
        Assert.Equal(3, first.GetProperty("total").GetInt64());
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], items.Select(i => i.GetProperty("rank").GetInt32()));
        Assert.Equal(engineer, items[0].GetProperty("resumeId").GetInt64());
        Assert.Equal(nurse, items[^1].GetProperty("resumeId").GetInt64());
        Assert.Contains(analyst, items.Select(i => i.GetProperty("resumeId").GetInt64()));
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(Scores(first), Scores(second));

        // The ranking agrees with the explained score of the same pair.
        var (_, explained) = await client.PostForJsonAsync($"/roles/{roleId}/score", new { resumeId = engineer });
        Assert.Equal(explained.GetProperty("score").GetDouble(), scores[0], 6);
        Assert.Equal(explained.Str("modelVersion"), first.Str("modelVersion"));
    }

    [Fact]
    public async Task Only_what_a_changed_role_resume_or_model_made_stale_is_recomputed()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync(ScoringApi.At("/resumes/c-1"), new { text = ScoringApi.DataEngineerResume })).StatusCode);
        await client.CreateResumeAsync(ScoringApi.NurseResume);
        await client.CreateResumeAsync(AnalystResume);
        await client.GetJsonAsync($"/roles/{roleId}/matches");

        // A résumé changes: only its score is recomputed.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(ScoringApi.At("/resumes/c-1"), new { text = ScoringApi.DataEngineerResume + "\nTerraform" })).StatusCode);
        Assert.Equal(1, (await client.GetJsonAsync($"/roles/{roleId}/matches")).GetProperty("recomputed").GetInt32());

        // The role's requirements change: every score of the role is recomputed.
        var corrected = await client.PutJsonAsync($"/roles/{roleId}/requirements", new { requirements = new[] { new { level = "minimum", text = "3 years of SQL" } } });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var afterRole = await client.GetJsonAsync($"/roles/{roleId}/matches");
        Assert.Equal(3, afterRole.GetProperty("recomputed").GetInt32());
        Assert.Equal(0, (await client.GetJsonAsync($"/roles/{roleId}/matches")).GetProperty("recomputed").GetInt32());

        // A new model: everything is stale.
        await client.CreateRoleAsync(ScoringApi.NursePosting);
        var refit = await (await client.PostAsync(ScoringApi.At("/model/refit"), null)).JsonAsync();
        var afterModel = await client.GetJsonAsync($"/roles/{roleId}/matches");
        Assert.Equal(3, afterModel.GetProperty("recomputed").GetInt32());
        Assert.Equal(refit.Str("version"), afterModel.Str("modelVersion"));
        Assert.Equal(3, await CountAsync(app, $"SELECT COUNT(*) FROM scores WHERE role_id = {roleId} AND model_version = '{refit.Str("version")}'"));
    }

    [Fact]
    public async Task Filters_and_paging_window_the_ranking()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        await client.CreateResumeAsync(ScoringApi.DataEngineerResume);
        await client.CreateResumeAsync(ScoringApi.NurseResume);
        await client.CreateResumeAsync(AnalystResume);
        var all = await client.GetJsonAsync($"/roles/{roleId}/matches");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        var middle = items[1].GetProperty("score").GetDouble();

        var page = await client.GetJsonAsync($"/roles/{roleId}/matches?top=1&offset=1");
        var above = await client.GetJsonAsync($"/roles/{roleId}/matches?minScore={middle.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var meeting = await client.GetJsonAsync($"/roles/{roleId}/matches?meetsMinimums=true");

        Assert.Equal(items[1].GetProperty("resumeId").GetInt64(), page.GetProperty("items")[0].GetProperty("resumeId").GetInt64());
        Assert.Equal(2, page.GetProperty("items")[0].GetProperty("rank").GetInt32());
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(1, page.GetProperty("top").GetInt32());
        Assert.Equal(2, above.GetProperty("total").GetInt64());
        Assert.All(meeting.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("meetsAllMinimums").GetBoolean()));
        Assert.Equal(items.Count(i => i.GetProperty("meetsAllMinimums").GetBoolean()), meeting.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Open_roles_are_ranked_for_a_resume()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var engineering = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var nursing = await client.CreateRoleAsync(ScoringApi.NursePosting);
        var closed = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting + "\nTeam lead.");
        await client.PutJsonAsync($"/roles/{closed}/status", new { status = "closed" });
        var nurse = await client.CreateResumeAsync(ScoringApi.NurseResume);

        var ranked = await client.GetJsonAsync($"/resumes/{nurse}/matches");

        Assert.Equal(nurse, ranked.GetProperty("id").GetInt64());
        Assert.Equal(2, ranked.GetProperty("recomputed").GetInt32());
        var items = ranked.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([nursing, engineering], items.Select(i => i.GetProperty("roleId").GetInt64()));
        Assert.Equal("Registered Nurse", items[0].Str("title"));
    }

    [Fact]
    public async Task Deleting_a_resume_erases_its_stored_scores()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var engineer = await client.CreateResumeAsync(ScoringApi.DataEngineerResume);
        await client.CreateResumeAsync(ScoringApi.NurseResume);
        await client.GetJsonAsync($"/roles/{roleId}/matches");
        Assert.Equal(1, await CountAsync(app, $"SELECT COUNT(*) FROM scores WHERE resume_id = {engineer}"));

        var prepared = app.Services.GetRequiredService<Match.Api.Scoring.PreparedCache>();
        Assert.True(prepared.HoldsResume(engineer));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(ScoringApi.At($"/resumes/{engineer}"))).StatusCode);

        Assert.Equal(0, await CountAsync(app, $"SELECT COUNT(*) FROM scores WHERE resume_id = {engineer}"));
        Assert.False(prepared.HoldsResume(engineer)); // the prepared vectors in memory are erased too
        Assert.Equal(1, (await client.GetJsonAsync($"/roles/{roleId}/matches")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Unknown_ids_answer_404_naming_the_id_and_bad_windows_400()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();

        var noRole = await client.GetAsync(ScoringApi.At("/roles/777/matches"));
        var noResume = await client.GetAsync(ScoringApi.At("/resumes/778/matches"));
        var badTop = await client.GetAsync(ScoringApi.At("/roles/777/matches?top=0&minScore=101"));

        Assert.Contains("777", (await noRole.AssertProblemAsync(HttpStatusCode.NotFound)).Str("detail"), StringComparison.Ordinal);
        Assert.Contains("778", (await noResume.AssertProblemAsync(HttpStatusCode.NotFound)).Str("detail"), StringComparison.Ordinal);
        var fields = await badTop.AssertValidationProblemAsync();
        Assert.Contains("top", fields);
        Assert.Contains("minScore", fields);
    }

    private static List<double> Scores(JsonElement ranking) =>
        [.. ranking.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetDouble())];

    internal static async Task<long> CountAsync(MatchApp app, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
