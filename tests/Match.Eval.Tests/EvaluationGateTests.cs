using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Match.Scoring.Matching;
using Xunit.Abstractions;

namespace Match.Eval.Tests;

/// <summary>The CI gate: the real evaluation on ../shared/eval/dev must beat the peers' figures (skipped with a message when the data is absent).</summary>
public partial class EvaluationGateTests(ITestOutputHelper output)
{
    /// <summary>nDCG@10 of scikit-learn TF-IDF cosine on the dev split (shared/eval/README.md).</summary>
    private const double TfIdfPeerNdcg = 0.344;

    /// <summary>Share of the majority label among the dev requirement verdicts.</summary>
    private const double MajorityClassAccuracy = 0.379;

    [Fact]
    public void Ranking_on_the_dev_split_beats_the_tf_idf_peer()
    {
        if (Paths() is not { } shared)
        {
            output.WriteLine("../shared/eval/dev not found: the ranking gate did not run.");
            return;
        }

        var settings = EvalSettings.Parse(
        [
            "--roles", Path.Combine(shared, "eval", "dev", "roles.jsonl"),
            "--resumes", Path.Combine(shared, "eval", "dev", "resumes.jsonl"),
            "--qrels", Path.Combine(shared, "eval", "dev", "qrels.tsv"),
            "--occupations", Path.Combine(shared, "taxonomy", "onet_alternate_titles.txt"),
        ]);
        var watch = Stopwatch.StartNew();

        var result = RankingEvaluation.Run(settings, new FixedClock(settings.Today), TextWriter.Null);

        output.WriteLine($"{result.Metrics} in {watch.Elapsed.TotalSeconds:F1} s (gate: nDCG@10 >= {TfIdfPeerNdcg})");
        Assert.Equal(369, result.Metrics.Queries);
        Assert.Equal(369, result.Runs.Count);
        Assert.All(result.Runs.Values, run => Assert.Equal(100, run.Count));
        Assert.True(result.Metrics.NdcgAt10 >= TfIdfPeerNdcg, $"nDCG@10 {result.Metrics.NdcgAt10:F3} is below the TF-IDF peer's {TfIdfPeerNdcg}");
    }

    [Fact]
    public async Task Requirement_verdicts_on_the_dev_split_beat_the_majority_class()
    {
        if (Paths() is not { } shared)
        {
            output.WriteLine("../shared/eval/dev not found: the verdict gate did not run.");
            return;
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var watch = Stopwatch.StartNew();

        var code = await EvalCommand.RunAsync(
        [
            "--requirements", Path.Combine(shared, "eval", "dev", "requirements"),
            "--occupations", Path.Combine(shared, "taxonomy", "onet_alternate_titles.txt"),
        ], stdout, stderr);

        output.WriteLine(stdout.ToString().TrimEnd());
        output.WriteLine($"in {watch.Elapsed.TotalSeconds:F1} s (gate: accuracy > {MajorityClassAccuracy})");
        Assert.Equal(0, code);
        var summary = Summary().Match(stdout.ToString());
        Assert.True(summary.Success, "no summary line: " + stdout);
        var accuracy = double.Parse(summary.Groups["accuracy"].Value, CultureInfo.InvariantCulture);
        Assert.Equal(116, int.Parse(summary.Groups["labels"].Value, CultureInfo.InvariantCulture));
        Assert.True(accuracy > MajorityClassAccuracy, $"verdict accuracy {accuracy:F3} is not above the majority class's {MajorityClassAccuracy}");
    }

    [Fact]
    public void Requirement_verdicts_with_the_model_fitted_on_the_whole_dev_corpus_beat_the_majority_class()
    {
        if (Paths() is not { } shared)
        {
            output.WriteLine("../shared/eval/dev not found: the verdict gate did not run.");
            return;
        }

        // As the service does: the model is fitted on everything stored, here every dev posting and résumé.
        var corpus = new[] { "roles.jsonl", "resumes.jsonl" }
            .SelectMany(f => EvalData.ReadJsonLines(Path.Combine(shared, "eval", "dev", f)))
            .Select(d => d.Title is null ? d.Text : d.Title + "\n" + d.Text)
            .ToList();

        var result = VerdictEvaluation.Run(
            Path.Combine(shared, "eval", "dev", "requirements"),
            Path.Combine(shared, "taxonomy", "onet_alternate_titles.txt"),
            new MatchModelOptions(),
            corpus,
            new FixedClock(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)),
            TextWriter.Null);

        output.WriteLine(result.Report());
        output.WriteLine($"{result.Summary()} (gate: accuracy > {MajorityClassAccuracy})");
        Assert.Equal(116, result.Pairs.Count);
        Assert.True(result.Accuracy > MajorityClassAccuracy, $"verdict accuracy {result.Accuracy:F3} is not above the majority class's {MajorityClassAccuracy}");
    }

    private static string? Paths()
    {
        var shared = SharedData.Find();
        return shared is not null
            && File.Exists(Path.Combine(shared, "eval", "dev", "roles.jsonl"))
            && File.Exists(Path.Combine(shared, "eval", "dev", "requirements", "labels.jsonl"))
            && File.Exists(Path.Combine(shared, "taxonomy", "onet_alternate_titles.txt"))
            ? shared
            : null;
    }

    [GeneratedRegex(@"accuracy=(?<accuracy>[0-9.]+) met-vs-not=[0-9.]+ labels=(?<labels>\d+)")]
    private static partial Regex Summary();
}
