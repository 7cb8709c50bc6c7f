using System.Net;
using System.Net.Http.Json;
using Match.Api.Tests.Roles;
using Match.Api.Tests.Scoring;
using Microsoft.Data.Sqlite;

namespace Match.Api.Tests.Jobs;

public sealed class CrashRecoveryTests : IDisposable
{
    private const int Roles = 8;
    private const int Resumes = 400;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "match-crash-tests", Guid.NewGuid().ToString("N"));

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Match:Batch:SyncMaxPairs"] = "0",
        ["Match:Jobs:ChunkPairs"] = "16",
        ["Match:Jobs:LeaseDuration"] = "00:00:02",
        ["Match:Jobs:PollInterval"] = "00:00:00.200",
        ["Match:RateLimit:PermitsPerKey"] = "100000",
    };

    public CrashRecoveryTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_service_killed_mid_job_resumes_it_on_restart_and_scores_every_pair_exactly_once()
    {
        var key = await ServiceProcess.CreateKeyAsync(_folder);
        long jobId;
        long total;
        Dictionary<(long Item, long Role), double> beforeKill;
        await using (var first = await ServiceProcess.StartAsync(_folder, Settings))
        {
            using var client = first.Client(key);
            var roleIds = new List<long>();
            foreach (var posting in Enumerable.Range(0, Roles).Select(i => (i % 2 == 0 ? ScoringApi.DataEngineerPosting : ScoringApi.NursePosting) + $"\nTeam {i}."))
            {
                roleIds.Add(await client.CreateRoleAsync(posting));
            }

            var items = Enumerable.Range(0, Resumes)
                .Select(i => new { text = (i % 2 == 0 ? ScoringApi.DataEngineerResume : ScoringApi.NurseResume) + $"\nReference {i}", @ref = $"r{i}" })
                .ToArray();
            var submitted = await client.PostAsJsonAsync(new Uri("/batch/score", UriKind.Relative), new { roleIds, items });
            await submitted.AssertStatusAsync(HttpStatusCode.Accepted);
            var job = await submitted.JsonAsync();
            jobId = job.GetProperty("id").GetInt64();
            total = job.GetProperty("total").GetInt64();
            Assert.Equal(Roles * Resumes, total);

            // Kill it once a few chunks are committed, well before the end.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while ((await client.GetJsonAsync($"/jobs/{jobId}")).GetProperty("done").GetInt64() < 64)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the job made no progress:\n{first.RecentOutput}");
                await Task.Delay(20);
            }

            first.Kill();
        }

        beforeKill = await ScoresAsync(jobId);
        Assert.InRange(beforeKill.Count, 64, total - 1);
        Assert.Equal("running", await ScalarAsync<string>($"SELECT state FROM jobs WHERE id = {jobId}"));

        await using var second = await ServiceProcess.StartAsync(_folder, Settings);
        using (var client = second.Client(key))
        {
            var finished = await client.WaitForJobAsync($"/jobs/{jobId}", TimeSpan.FromSeconds(180));
            Assert.True(finished.Str("state") == "succeeded", $"{finished}\n{second.RecentOutput}");
            Assert.Equal(total, finished.GetProperty("done").GetInt64());
            Assert.Equal(0, finished.GetProperty("failed").GetInt64());

            var results = await client.AllResultsAsync($"/jobs/{jobId}");
            Assert.Equal(total, results.Count);
            Assert.Equal(total, results.Select(r => r.Pair()).Distinct().Count());
        }

        // Every (résumé, role) pair has exactly one stored result, and the ones written before the kill were not redone.
        var after = await ScoresAsync(jobId);
        Assert.Equal(total, after.Count);
        Assert.Equal(total, await ScalarAsync<long>($"SELECT COUNT(*) FROM job_results WHERE job_id = {jobId}"));
        Assert.Equal(Resumes, await ScalarAsync<long>($"SELECT COUNT(DISTINCT item_index) FROM job_results WHERE job_id = {jobId}"));
        Assert.Equal(0, await ScalarAsync<long>($"SELECT COUNT(*) FROM (SELECT item_index FROM job_results WHERE job_id = {jobId} GROUP BY item_index HAVING COUNT(*) <> {Roles})"));
        Assert.All(beforeKill, pair => Assert.Equal(pair.Value, after[pair.Key]));
    }

    private async Task<Dictionary<(long Item, long Role), double>> ScoresAsync(long jobId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "match.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT item_index, role_id, score FROM job_results WHERE job_id = {jobId};";
        var scores = new Dictionary<(long, long), double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            scores.Add((reader.GetInt64(0), reader.GetInt64(1)), reader.GetDouble(2));
        }

        return scores;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "match.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
