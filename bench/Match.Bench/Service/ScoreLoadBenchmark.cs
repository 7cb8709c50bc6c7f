using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Match.Bench.Service;

/// <summary>
/// <c>score-load</c>: POST /roles/{id}/score for stored résumés from N concurrent clients against a running service; prints
/// latency percentiles and throughput. Pairs are drawn at random from the first <c>--roles</c> roles × <c>--resumes</c> résumés
/// of the benchmark corpus. Options: <c>--url</c>, <c>--key</c>, <c>--concurrency 50</c>, <c>--seconds 30</c>, <c>--warmup 10</c>,
/// <c>--roles 50</c>, <c>--resumes 200</c>.
/// </summary>
internal static class ScoreLoadBenchmark
{
    public static int Run(string[] args) => RunAsync(BenchOptions.Parse(args)).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchOptions options)
    {
        if (SharedData.Require() is not { } shared)
        {
            return 1;
        }

        var concurrency = options.Int("concurrency", 50);
        var seconds = options.Int("seconds", 30);
        var warmup = options.Int("warmup", 10);
        using var client = options.Client(concurrency);
        var (roles, resumes) = await BenchCorpus.EnsureAsync(client, shared, options.Int("roles", 50), options.Int("resumes", 200));
        var model = await client.GetFromJsonAsync<JsonElement>(new Uri("/model", UriKind.Relative));
        Console.WriteLine($"Score load against {options.Url} (model {model.GetProperty("version").GetString()}): {concurrency} clients, "
            + $"{roles.Count} roles × {resumes.Count} stored résumés, {warmup} s warm-up then {seconds} s measured, {Environment.ProcessorCount} cores");

        await LoadAsync(client, roles, resumes, concurrency, TimeSpan.FromSeconds(warmup), record: null);
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await LoadAsync(client, roles, resumes, concurrency, TimeSpan.FromSeconds(seconds), record: (worker, ms, ok) =>
        {
            (latencies[worker] ??= []).Add(ms);
            if (!ok)
            {
                Interlocked.Increment(ref errors);
            }
        });
        var elapsed = clock.Elapsed.TotalSeconds;

        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"  requests {all.Length:N0} in {elapsed:F1} s = {all.Length / elapsed:N0}/s, errors {errors}");
        Console.WriteLine($"  latency ms: p50 {Percentile(all, 50):F1}  p90 {Percentile(all, 90):F1}  p95 {Percentile(all, 95):F1}  "
            + $"p99 {Percentile(all, 99):F1}  max {all[^1]:F1}   (target p99 ≤ 100 ms)");
        return errors == 0 ? 0 : 1;
    }

    private static async Task LoadAsync(
        HttpClient client, IReadOnlyList<long> roles, IReadOnlyList<long> resumes, int concurrency, TimeSpan duration, Action<int, double, bool>? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (Stopwatch.GetTimestamp() < until)
            {
                var role = roles[random.Next(roles.Count)];
                var resume = resumes[random.Next(resumes.Count)];
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync(new Uri($"/roles/{role}/score", UriKind.Relative), new { resumeId = resume });
                await response.Content.LoadIntoBufferAsync();
                record?.Invoke(worker, Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.IsSuccessStatusCode);
            }
        }));
        await Task.WhenAll(workers);
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
