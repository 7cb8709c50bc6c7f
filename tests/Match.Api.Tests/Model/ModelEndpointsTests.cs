using System.Net;
using Match.Api.Model;
using Match.Api.Tests.Roles;
using Match.Api.Tests.Scoring;

namespace Match.Api.Tests.Model;

public sealed class ModelEndpointsTests
{
    [Fact]
    public async Task Get_model_shows_the_fitted_model_and_refit_replaces_it_with_one_that_includes_new_roles()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var first = await client.GetJsonAsync("/model");
        await client.CreateRoleAsync(ScoringApi.NursePosting);

        var refit = await client.PostAsync(ScoringApi.At("/model/refit"), null);
        var refitBody = await refit.JsonAsync();
        var now = await client.GetJsonAsync("/model");

        Assert.Equal(HttpStatusCode.OK, refit.StatusCode);
        Assert.NotEqual(first.Str("version"), refitBody.Str("version"));
        Assert.Equal(refitBody.Str("version"), now.Str("version"));
        Assert.Equal(first.GetProperty("corpusSize").GetInt32() + 1, now.GetProperty("corpusSize").GetInt32());
        Assert.True(now.GetProperty("activeTerms").GetInt32() > 0);
        Assert.Equal(10, now.GetProperty("options").GetProperty("occupationTopK").GetInt32());
        Assert.True(Directory.Exists(Path.Combine(app.DataFolder, "models", now.Str("version"))));
    }

    [Fact]
    public async Task Scores_carry_the_version_of_the_model_that_computed_them_across_a_refit()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var (_, before) = await client.PostForJsonAsync($"/roles/{roleId}/score", new { text = ScoringApi.DataEngineerResume });
        await client.CreateResumeAsync(ScoringApi.NurseResume);

        var refitted = await (await client.PostAsync(ScoringApi.At("/model/refit"), null)).JsonAsync();
        var (_, after) = await client.PostForJsonAsync($"/roles/{roleId}/score", new { text = ScoringApi.DataEngineerResume });

        Assert.NotEqual(before.Str("modelVersion"), after.Str("modelVersion"));
        Assert.Equal(refitted.Str("version"), after.Str("modelVersion"));
    }

    [Fact]
    public async Task The_refit_command_saves_a_new_version_that_the_running_service_swaps_in()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Model:ReloadInterval"] = "00:00:00.200" });
        var client = app.CreateClient();
        var serving = await client.GetJsonAsync("/model");
        await client.CreateRoleAsync(ScoringApi.NursePosting);

        var exit = await ModelCommand.RunAsync(["model", "refit", $"--Match:Data:Folder={app.DataFolder}"]);

        Assert.Equal(0, exit);
        var folders = Directory.GetDirectories(Path.Combine(app.DataFolder, "models")).Select(Path.GetFileName).ToList();
        Assert.Equal(2, folders.Count);
        var saved = folders.Single(f => f != serving.Str("version"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string current;
        do
        {
            await Task.Delay(100);
            current = (await client.GetJsonAsync("/model")).Str("version");
        }
        while (current != saved && DateTime.UtcNow < deadline);

        Assert.Equal(saved, current);
    }

    [Fact]
    public async Task A_missing_occupation_titles_file_stops_start_up_with_a_message()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Model:OccupationTitlesPath"] = "/nonexistent/titles.txt" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("OccupationTitlesPath", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_without_refit_prints_usage_and_fails()
    {
        Assert.Equal(2, await ModelCommand.RunAsync(["model"]));
    }
}
