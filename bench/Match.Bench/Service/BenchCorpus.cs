using System.Net.Http.Json;
using System.Text.Json;

namespace Match.Bench.Service;

/// <summary>
/// Stores the benchmark's roles and résumés in a running service from the shared dev set (postings and résumé texts), under
/// external ids <c>bench-role-N</c> and <c>bench-resume-N</c>, so a second run finds them already there. Résumé texts are reused
/// with a numbered line when more are asked for than the set holds.
/// </summary>
internal static class BenchCorpus
{
    public static async Task<(IReadOnlyList<long> Roles, IReadOnlyList<long> Resumes)> EnsureAsync(HttpClient client, string shared, int roles, int resumes)
    {
        var postings = File.ReadLines(Path.Combine(shared, "eval", "dev", "roles.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Title: e.GetProperty("title").GetString()!, Text: e.GetProperty("text").GetString()!))
            .Take(roles)
            .ToList();
        var texts = File.ReadLines(Path.Combine(shared, "eval", "dev", "resumes.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToList();

        var roleIds = new long[postings.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, postings.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var response = await client.PutAsJsonAsync(new Uri($"/roles/bench-role-{i}", UriKind.Relative), new { title = Short(postings[i].Title), postingText = postings[i].Text }, ct);
            roleIds[i] = await IdAsync(response, ct);
        });

        var resumeIds = new long[resumes];
        await Parallel.ForEachAsync(Enumerable.Range(0, resumes), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var text = i < texts.Count ? texts[i] : $"{texts[i % texts.Count]}\nCandidate reference {i}";
            using var response = await client.PutAsJsonAsync(new Uri($"/resumes/bench-resume-{i}", UriKind.Relative), new { text }, ct);
            resumeIds[i] = await IdAsync(response, ct);
        });

        return (roleIds, resumeIds);
    }

    private static string Short(string title) => title.Length <= 300 ? title : title[..300];

    private static async Task<long> IdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }
}
