using System.Diagnostics;
using System.Globalization;
using Match.Scoring.Features;
using Match.Scoring.Matching;

namespace Match.Eval;

/// <summary>Command line of Match.Eval: ranking evaluation (TREC) and per-requirement verdict accuracy.</summary>
public static class EvalCommand
{
    private const string Usage = """
        Match.Eval — measures Match's ranking and verdicts on labelled data, through the service's code path.
          --roles R.jsonl --resumes S.jsonl --qrels Q.tsv   ranking evaluation
          [--direction roles-to-resumes|resumes-to-roles]  which side is the query (default roles-to-resumes)
          [--run out.run] [--depth 100]                     TREC run file to write; how many results per query
          [--occupations onet_alternate_titles.txt]        O*NET Alternate Titles for the occupation layer
          [--requirements DIR]                              verdict accuracy on DIR/cases.jsonl + DIR/labels.jsonl
          [--today yyyy-MM-dd]                              the date "current"/"present" resolves to
          [--ngrams N] [--stemming none|plural|porter] [--keep-stop-words] [--min-df N] [--sublinear-tf] [--top-k K]
                                                            model options, to measure alternatives to the defaults
        The last line printed is the summary: nDCG@10=… P@10=… MAP=… MRR=… queries=N (or the verdict accuracy).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        EvalSettings settings;
        try
        {
            settings = EvalSettings.Parse(args);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync(e.Message);
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var clock = new FixedClock(settings.Today);
        var watch = Stopwatch.StartNew();
        if (settings.RequirementsDirectory is { } directory)
        {
            var corpus = new[] { settings.RolesPath, settings.ResumesPath }
                .Where(p => p is not null)
                .SelectMany(p => EvalData.ReadJsonLines(p!).Select(d => d.Title is null ? d.Text : d.Title + "\n" + d.Text))
                .ToList();
            var verdicts = VerdictEvaluation.Run(directory, settings.OccupationsPath, settings.Model, corpus, clock, stderr);
            await stderr.WriteLineAsync(verdicts.Disagreements());
            await stdout.WriteLineAsync(verdicts.Report());
            await stdout.WriteLineAsync(verdicts.Summary());
            if (settings.RolesPath is null)
            {
                return 0;
            }
        }

        if (settings.RolesPath is null || settings.ResumesPath is null || settings.QrelsPath is null)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var result = RankingEvaluation.Run(settings, clock, stderr);
        if (settings.RunPath is { } runPath)
        {
            await using var writer = new StreamWriter(runPath);
            EvalData.WriteRun(writer, result.Runs, "match");
        }

        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"done in {watch.Elapsed.TotalSeconds:F1} s; peak working set {Environment.WorkingSet / (1024 * 1024)} MiB"));
        await stdout.WriteLineAsync(result.Metrics.ToString());
        return 0;
    }
}

/// <summary>A TimeProvider that always answers one instant, so "current" resolves the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Parsed command line of Match.Eval.</summary>
public sealed record EvalSettings
{
    public string? RolesPath { get; init; }
    public string? ResumesPath { get; init; }
    public string? QrelsPath { get; init; }
    public string? RunPath { get; init; }
    public string? OccupationsPath { get; init; }
    public string? RequirementsDirectory { get; init; }
    public bool ResumesToRoles { get; init; }
    public int Depth { get; init; } = 100;
    public DateTimeOffset Today { get; init; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public MatchModelOptions Model { get; init; } = new();

    public static EvalSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new EvalSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            settings = name switch
            {
                "--roles" => settings with { RolesPath = Value() },
                "--resumes" => settings with { ResumesPath = Value() },
                "--qrels" => settings with { QrelsPath = Value() },
                "--run" => settings with { RunPath = Value() },
                "--occupations" => settings with { OccupationsPath = Value() },
                "--requirements" => settings with { RequirementsDirectory = Value() },
                "--depth" => settings with { Depth = int.TryParse(Value(), CultureInfo.InvariantCulture, out var d) && d > 0 ? d : throw new ArgumentException("--depth takes a positive whole number") },
                "--today" => settings with { Today = DateTimeOffset.TryParse(Value(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : throw new ArgumentException("--today takes a date such as 2026-11-01") },
                "--ngrams" => settings.WithFeaturizer(f => f with { WordNgramLength = PositiveInt(Value(), name) }),
                "--min-df" => settings.WithFeaturizer(f => f with { MinDocumentFrequency = PositiveInt(Value(), name) }),
                "--keep-stop-words" => settings.WithFeaturizer(f => f with { RemoveStopWords = false }),
                "--sublinear-tf" => settings.WithFeaturizer(f => f with { SublinearTf = true }),
                "--stemming" => settings.WithFeaturizer(f => f with { Stemming = Enum.TryParse<Stemming>(Value(), ignoreCase: true, out var st) ? st : throw new ArgumentException("--stemming takes none, plural or porter") }),
                "--top-k" => settings with { Model = settings.Model with { OccupationTopK = PositiveInt(Value(), name) } },
                "--direction" => Value() switch
                {
                    "roles-to-resumes" => settings with { ResumesToRoles = false },
                    "resumes-to-roles" => settings with { ResumesToRoles = true },
                    var other => throw new ArgumentException($"unknown direction '{other}'"),
                },
                _ => throw new ArgumentException($"unknown option '{name}'"),
            };
        }

        return settings;
    }

    private EvalSettings WithFeaturizer(Func<FeaturizerOptions, FeaturizerOptions> change) =>
        this with { Model = Model with { Featurizer = change(Model.Featurizer) } };

    private static int PositiveInt(string value, string name) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} takes a positive whole number");
}
