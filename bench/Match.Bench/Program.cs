using Match.Bench.Extraction;

// Each benchmark is a subcommand: dotnet run -c Release --project bench/Match.Bench -- <name> [options]
var benchmarks = new Dictionary<string, (string Summary, Func<string[], int> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["extract"] = ("PDF and DOCX extraction throughput on one core, and word similarity of PDF text to poppler's", ExtractionBenchmark.Run),
    ["batch"] = ("2,000 stored résumés × 50 roles end to end over HTTP against a running service (job, progress, paged results)", Match.Bench.Service.BatchBenchmark.Run),
    ["score-load"] = ("POST /roles/{id}/score for stored résumés from 50 concurrent clients against a running service: p50/p95/p99", Match.Bench.Service.ScoreLoadBenchmark.Run),
    ["score"] = ("one two-page résumé analysed, featurized and scored against 1,000 prepared roles on one core; memory after fit and role preparation", Match.Bench.Scoring.ScoringBenchmark.Run),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.WriteLine("usage: Match.Bench <benchmark> [options]");
    foreach (var (name, (summary, _)) in benchmarks)
    {
        Console.WriteLine($"  {name,-10} {summary}");
    }

    return args.Length == 0 ? 0 : 2;
}

return benchmark.Run(args[1..]);
