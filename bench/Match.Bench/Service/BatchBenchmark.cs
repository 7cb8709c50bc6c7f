using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Match.Bench.Service;

/// <summary>
/// <c>batch</c>: 2,000 stored résumés × 50 roles end to end over HTTP against a running service — POST /batch/score (a job),
/// poll GET /jobs/{id} until it ends, read every result page — and prints the wall time of each step. Options:
/// <c>--url</c>, <c>--key</c>, <c>--roles 50</c>, <c>--resumes 2000</c>, <c>--page 1000</c>.
/// </summary>
internal static class BatchBenchmark
{
    public static int Run(string[] args) => RunAsync(BenchOptions.Parse(args)).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchOptions options)
    {
        if (SharedData.Require() is not { } shared)
        {
            return 1;
        }

        var roleCount = options.Int("roles", 50);
        var resumeCount = options.Int("resumes", 2000);
        var pageSize = options.Int("page", 1000);
        using var client = options.Client(8);

        var model = await client.GetFromJsonAsync<JsonElement>(new Uri("/model", UriKind.Relative));
        var seeding = Stopwatch.StartNew();
        var (roles, resumes) = await BenchCorpus.EnsureAsync(client, shared, roleCount, resumeCount);
        Console.WriteLine($"Batch benchmark against {options.Url} (model {model.GetProperty("version").GetString()}), {Environment.ProcessorCount} cores");
        Console.WriteLine($"  stored {roles.Count} roles and {resumes.Count} résumés in {seeding.Elapsed.TotalSeconds:F1} s (not timed below)");

        var total = Stopwatch.StartNew();
        var body = new { roleIds = roles, items = resumes.Select(id => new { resumeId = id }) };
        using var submitted = await client.PostAsJsonAsync(new Uri("/batch/score", UriKind.Relative), body);
        var submitTime = total.Elapsed;
        if (submitted.StatusCode != HttpStatusCode.Accepted)
        {
            Console.Error.WriteLine($"expected 202, got {(int)submitted.StatusCode}: {await submitted.Content.ReadAsStringAsync()}");
            return 1;
        }

        var location = submitted.Headers.Location!.OriginalString;
        JsonElement job;
        do
        {
            await Task.Delay(250);
            job = await client.GetFromJsonAsync<JsonElement>(new Uri(location, UriKind.Relative));
        }
        while (job.GetProperty("state").GetString() is "queued" or "running");
        var jobTime = total.Elapsed;

        var pairs = new HashSet<(int, long)>();
        for (var offset = 0; ; offset += pageSize)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"{location}/results?offset={offset}&limit={pageSize}", UriKind.Relative));
            var items = page.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                pairs.Add((item.GetProperty("item").GetInt32(), item.GetProperty("roleId").GetInt64()));
            }

            if (items.GetArrayLength() < pageSize)
            {
                break;
            }
        }

        var end = total.Elapsed;
        var expected = (long)roles.Count * resumes.Count;
        Console.WriteLine($"  {resumes.Count} résumés × {roles.Count} roles = {expected:N0} pairs, job {location} {job.GetProperty("state").GetString()}");
        Console.WriteLine($"  submit (202)            {submitTime.TotalSeconds,7:F2} s");
        Console.WriteLine($"  job done                {jobTime.TotalSeconds,7:F2} s");
        Console.WriteLine($"  all results read        {end.TotalSeconds,7:F2} s   ({pairs.Count:N0} distinct pairs, {pageSize} a page)");
        Console.WriteLine($"  end to end              {end.TotalSeconds,7:F2} s   = {expected / end.TotalSeconds:N0} pairs/s   (target ≤ 60 s)");
        return pairs.Count == expected && job.GetProperty("failed").GetInt64() == 0 ? 0 : 1;
    }
}
