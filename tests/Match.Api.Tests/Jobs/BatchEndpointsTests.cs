using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Match.Api.Scoring;
using Match.Api.Tests.Infrastructure;
using Match.Api.Tests.Roles;
using Match.Api.Tests.Scoring;
using Match.Api.Security;
using Match.Data.Keys;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Match.Api.Tests.Jobs;

public sealed class BatchEndpointsTests
{
    [Fact]
    public async Task A_small_batch_is_answered_at_once_with_every_pair_and_the_same_scores_as_single_scoring()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var engineering = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var nursing = await client.CreateRoleAsync(ScoringApi.NursePosting);
        var engineer = await client.CreateResumeAsync(ScoringApi.DataEngineerResume);
        var nurse = await client.CreateResumeAsync(ScoringApi.NurseResume);

        var response = await client.PostBatchAsync(new
        {
            roleIds = new[] { engineering, nursing },
            items = new object[] { new { resumeId = engineer }, new { resumeId = nurse }, new { text = ScoringApi.DataEngineerResume, @ref = "inline-1", roleIds = new[] { engineering } } },
        });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        Assert.Equal(5, body.GetProperty("pairs").GetInt64());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([(0, engineering), (0, nursing), (1, engineering), (1, nursing), (2, engineering)], results.Select(r => r.Pair()));
        var (_, single) = await client.PostForJsonAsync($"/roles/{engineering}/score", new { resumeId = engineer });
        Assert.Equal(single.GetProperty("score").GetDouble(), results[0].GetProperty("score").GetDouble(), 6);
        Assert.Equal(results[0].GetProperty("score").GetDouble(), results[4].GetProperty("score").GetDouble(), 6);
        Assert.Equal("inline-1", results[4].Str("ref"));
        Assert.False(results[0].TryGetProperty("requirements", out _));
        // Default-weight scores of stored résumés are kept for ranking.
        Assert.Equal(4, await MatchEndpointsTests.CountAsync(app, "SELECT COUNT(*) FROM scores"));
        Assert.Equal(0, (await client.GetJsonAsync($"/roles/{engineering}/matches")).GetProperty("recomputed").GetInt32());
    }

    [Fact]
    public async Task Explain_adds_every_requirement_verdict()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var body = await (await client.PostBatchAsync(new { roleIds = new[] { role }, items = new[] { new { text = ScoringApi.DataEngineerResume } }, explain = true })).JsonAsync();

        var requirements = body.GetProperty("results")[0].GetProperty("requirements").EnumerateArray().ToList();
        Assert.NotEmpty(requirements);
        Assert.All(requirements, r => Assert.Contains(r.Str("status"), new[] { "met", "partial", "missing" }));
    }

    [Fact]
    public async Task Ndjson_in_and_out_streams_one_result_a_line()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var lines = string.Join('\n', JsonSerializer.Serialize(new { text = ScoringApi.DataEngineerResume }), JsonSerializer.Serialize(new { text = ScoringApi.NurseResume }), "");
        var request = new HttpRequestMessage(HttpMethod.Post, ScoringApi.At($"/batch/score?roleIds={role}")) { Content = new StringContent(lines, Encoding.UTF8, "application/x-ndjson") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));

        var response = await client.SendAsync(request);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var results = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal([(0, role), (1, role)], results.Select(r => r.Pair()).Order());
        Assert.All(results, r => Assert.InRange(r.GetProperty("score").GetDouble(), 0, 100));
    }

    [Fact]
    public async Task The_first_streamed_results_arrive_before_the_last_are_computed()
    {
        var gate = new GatedResumes();
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "100" });
        await using var gated = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStoredResumes>(sp => gate.Over(sp))));
        var client = await AdminClientAsync(gated);
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var first = await client.CreateResumeAsync(ScoringApi.DataEngineerResume);
        var blocked = await client.CreateResumeAsync(ScoringApi.NurseResume);
        gate.Block(blocked);
        var request = new HttpRequestMessage(HttpMethod.Post, ScoringApi.At("/batch/score"))
        {
            Content = JsonContent(new { roleIds = new[] { role }, items = new[] { new { resumeId = first }, new { resumeId = blocked } } }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var firstLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // The second résumé is still held back, so the first line was sent before its result existed.
        Assert.False(gate.Released);
        Assert.Equal(first, JsonDocument.Parse(firstLine!).RootElement.GetProperty("resumeId").GetInt64());
        gate.Release();
        var lastLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(blocked, JsonDocument.Parse(lastLine!).RootElement.GetProperty("resumeId").GetInt64());
    }

    [Fact]
    public async Task A_batch_above_the_synchronous_limit_becomes_a_job_that_scores_every_pair_once()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "3", ["Match:Jobs:ChunkPairs"] = "2" });
        var client = app.CreateClient();
        var roles = new[] { await client.CreateRoleAsync(ScoringApi.DataEngineerPosting), await client.CreateRoleAsync(ScoringApi.NursePosting) };
        var engineer = await client.CreateResumeAsync(ScoringApi.DataEngineerResume);
        var items = new object[] { new { resumeId = engineer }, new { text = ScoringApi.NurseResume }, new { text = ScoringApi.DataEngineerResume + "\nGo" } };

        var response = await client.PostBatchAsync(new { roleIds = roles, items });

        await response.AssertStatusAsync(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/jobs/\d+$", location);
        var submitted = await response.JsonAsync();
        Assert.Equal(6, submitted.GetProperty("total").GetInt64());
        var job = await client.WaitForJobAsync(location);
        Assert.Equal("succeeded", job.Str("state"));
        Assert.Equal(6, job.GetProperty("done").GetInt64());
        Assert.Equal(0, job.GetProperty("failed").GetInt64());
        var results = await client.AllResultsAsync(location, pageSize: 4);
        Assert.Equal(6, results.Count);
        Assert.Equal(6, results.Select(r => r.Pair()).Distinct().Count());
        var (_, single) = await client.PostForJsonAsync($"/roles/{roles[1]}/score", new { text = ScoringApi.NurseResume });
        Assert.Equal(single.GetProperty("score").GetDouble(), results.Single(r => r.Pair() == (1, roles[1])).GetProperty("score").GetDouble(), 6);
        // The inline texts are erased once the job has ended.
        Assert.Equal(0, await MatchEndpointsTests.CountAsync(app, "SELECT COUNT(*) FROM job_items WHERE text IS NOT NULL"));
    }

    [Fact]
    public async Task A_batch_over_the_hard_limit_answers_413_and_stores_nothing()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "1", ["Match:Batch:MaxPairs"] = "3" });
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var other = await client.CreateRoleAsync(ScoringApi.NursePosting);

        var response = await client.PostBatchAsync(new { roleIds = new[] { role, other }, items = new[] { new { text = "a Python developer" }, new { text = "a nurse" } } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("4 pairs", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, await MatchEndpointsTests.CountAsync(app, "SELECT COUNT(*) FROM jobs"));
    }

    [Fact]
    public async Task Unknown_role_or_resume_ids_answer_404_naming_them_and_store_nothing()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "0" });
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var response = await client.PostBatchAsync(new { roleIds = new[] { role, 404_001 }, items = new object[] { new { resumeId = 505_001 }, new { text = "x y z" } } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("404001", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("505001", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, await MatchEndpointsTests.CountAsync(app, "SELECT COUNT(*) FROM jobs"));
    }

    [Fact]
    public async Task Malformed_ndjson_answers_400_with_the_index_of_the_bad_line_and_stores_nothing()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "0" });
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        const string body = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n{\"text\": oops}\n{\"text\":\"four\"}\n";

        var response = await client.SendRawAsync(HttpMethod.Post, $"/batch/score?roleIds={role}", body, "application/x-ndjson");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(2, problem.GetProperty("index").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("items[2]", out _), problem.ToString());
        Assert.Equal(0, await MatchEndpointsTests.CountAsync(app, "SELECT COUNT(*) FROM jobs"));
    }

    [Theory]
    [InlineData("""{"roleIds":[1],"items":[{"text":"a"},{"resumeId":1,"text":"b"}]}""", 1, "items[1]")]
    [InlineData("""{"roleIds":[1],"items":[{"text":"a"},{"text":"b"},{"resumeId":"x"}]}""", 2, "items[2]")]
    [InlineData("""{"items":[{"text":"a"}]}""", 0, "items[0].roleIds")]
    [InlineData("""{"roleIds":[1],"items":[{"text":"a"},{"text":"  "}]}""", 1, "items[1].text")]
    [InlineData("""{"roleIds":[1],"items":[null]}""", 0, "items[0]")]
    public async Task Malformed_items_answer_400_with_the_index_of_the_bad_item(string json, int index, string field)
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "0" });
        var client = app.CreateClient();
        await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var response = await client.SendRawAsync(HttpMethod.Post, "/batch/score", json, "application/json");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(index, problem.GetProperty("index").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await MatchEndpointsTests.CountAsync(app, "SELECT COUNT(*) FROM jobs"));
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_key_creates_one_job()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "0" });
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var body = new { roleIds = new[] { role }, items = new[] { new { text = ScoringApi.DataEngineerResume } } };

        var first = await client.SendAsync(IdempotencyTests.Keyed("/batch/score", "batch-1", body));
        var retry = await client.SendAsync(IdempotencyTests.Keyed("/batch/score", "batch-1", body));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(1, await MatchEndpointsTests.CountAsync(app, "SELECT COUNT(*) FROM jobs"));
    }

    [Fact]
    public async Task A_running_job_can_be_cancelled_and_keeps_the_results_it_has()
    {
        var gate = new GatedResumes();
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "0", ["Match:Jobs:ChunkPairs"] = "1" });
        await using var gated = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStoredResumes>(sp => gate.Over(sp))));
        var client = await AdminClientAsync(gated);
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var free = await client.CreateResumeAsync(ScoringApi.DataEngineerResume);
        var held = await client.CreateResumeAsync(ScoringApi.NurseResume);
        gate.Block(held);

        var submitted = await client.PostBatchAsync(new { roleIds = new[] { role }, items = new[] { new { resumeId = free }, new { resumeId = held } } });
        var location = submitted.Headers.Location!.OriginalString;
        await WaitUntilAsync(async () => (await client.GetJsonAsync(location)).GetProperty("done").GetInt64() == 1);
        var cancel = await client.DeleteAsync(ScoringApi.At(location));
        gate.Release();
        var job = await client.WaitForJobAsync(location);
        await Task.Delay(300);
        var again = await client.DeleteAsync(ScoringApi.At(location));

        await cancel.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", (await cancel.JsonAsync()).Str("state"));
        Assert.Equal("cancelled", job.Str("state"));
        Assert.Equal(1, (await client.GetJsonAsync(location)).GetProperty("done").GetInt64());
        Assert.Single(await client.AllResultsAsync(location));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.DeleteAsync(ScoringApi.At("/jobs/987654"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_resume_erased_while_its_job_waits_becomes_a_reported_error()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Batch:SyncMaxPairs"] = "0" });
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var resume = await client.CreateResumeAsync(ScoringApi.NurseResume);
        var gone = await client.CreateResumeAsync(ScoringApi.DataEngineerResume);
        var runner = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Match.Api.Jobs.JobRunner>().Single();
        await runner.StopAsync(CancellationToken.None);

        var submitted = await client.PostBatchAsync(new { roleIds = new[] { role }, items = new[] { new { resumeId = resume }, new { resumeId = gone } } });
        await submitted.AssertStatusAsync(HttpStatusCode.Accepted);
        var location = submitted.Headers.Location!.OriginalString;
        await client.DeleteAsync(ScoringApi.At($"/resumes/{gone}"));
        await runner.StartAsync(CancellationToken.None);
        var job = await client.WaitForJobAsync(location);

        Assert.Equal("succeeded", job.Str("state"));
        Assert.Equal(1, job.GetProperty("failed").GetInt64());
        var error = job.GetProperty("errors")[0];
        Assert.Equal(1, error.GetProperty("item").GetInt32());
        Assert.Contains($"résumé {gone} not found", error.Str("error"), StringComparison.Ordinal);
        await runner.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Job_results_paging_is_validated_and_unknown_jobs_are_404()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();

        var missing = await client.GetAsync(ScoringApi.At("/jobs/424242"));
        var badPage = await client.GetAsync(ScoringApi.At("/jobs/1/results?limit=5000"));

        Assert.Contains("424242", (await missing.AssertProblemAsync(HttpStatusCode.NotFound)).Str("detail"), StringComparison.Ordinal);
        Assert.Contains("limit", await badPage.AssertValidationProblemAsync());
    }

    // Server.CreateClient skips MatchApp's client set-up, which would start a second app (MatchApp's own) on the same database.
    private static async Task<HttpClient> AdminClientAsync(WebApplicationFactory<Program> factory)
    {
        var key = await factory.Services.GetRequiredService<ApiKeys>().CreateAsync("gated-tests", ApiScope.Admin);
        var client = factory.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        return client;
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(50);
        }
    }

    /// <summary>Stored résumés that hold back one chosen résumé until released.</summary>
    private sealed class GatedResumes
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _blocked = -1;

        public bool Released => _released.Task.IsCompleted;

        public void Block(long id) => Interlocked.Exchange(ref _blocked, id);

        public void Release() => _released.TrySetResult();

        public IStoredResumes Over(IServiceProvider services) =>
            new Gate(this, new StoredResumes(services.GetRequiredService<Match.Data.Resumes.ResumeStore>()));

        private sealed class Gate(GatedResumes owner, IStoredResumes inner) : IStoredResumes
        {
            public async Task<ScoringResume?> GetAsync(long id, CancellationToken cancellationToken)
            {
                if (id == Interlocked.Read(ref owner._blocked))
                {
                    await owner._released.Task.WaitAsync(cancellationToken);
                }

                return await inner.GetAsync(id, cancellationToken);
            }
        }
    }
}
