using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Match.Api.Tests.Roles;
using Match.Api.Tests.Scoring;

namespace Match.Api.Tests.Jobs;

/// <summary>Batch and job calls the tests share.</summary>
internal static class BatchApi
{
    public static Task<HttpResponseMessage> PostBatchAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync(ScoringApi.At("/batch/score"), body);

    /// <summary>Polls GET /jobs/{id} until the job has finished (or the deadline passes) and returns its last state.</summary>
    public static async Task<JsonElement> WaitForJobAsync(this HttpClient client, string location, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await client.GetJsonAsync(location);
            var state = job.Str("state");
            if (state is "succeeded" or "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Every result of a job, read page by page.</summary>
    public static async Task<List<JsonElement>> AllResultsAsync(this HttpClient client, string location, int pageSize = 1000)
    {
        var all = new List<JsonElement>();
        for (var offset = 0; ; offset += pageSize)
        {
            var page = await client.GetJsonAsync($"{location}/results?offset={offset}&limit={pageSize}");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            all.AddRange(items);
            if (items.Count < pageSize)
            {
                return all;
            }
        }
    }

    public static (int Item, long RoleId) Pair(this JsonElement result) => (result.GetProperty("item").GetInt32(), result.GetProperty("roleId").GetInt64());

    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
    }
}
