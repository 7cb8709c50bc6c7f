namespace Match.Eval.Tests;

public class RankingMetricsTests
{
    private static RankingMetrics One(string[] ranked, params string[] relevant) =>
        RankingMetrics.Compute(
            new Dictionary<string, IReadOnlyList<string>> { ["q"] = ranked },
            new Dictionary<string, HashSet<string>> { ["q"] = [.. relevant] });

    [Fact]
    public void Hand_computed_metrics_for_one_query()
    {
        // Relevant {a, c, f} ranked at 1, 3 and 6 of ten.
        var metrics = One(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], "a", "c", "f");

        var dcg = 1.0 + (1 / Math.Log2(4)) + (1 / Math.Log2(7));
        var ideal = 1.0 + (1 / Math.Log2(3)) + (1 / Math.Log2(4));
        Assert.Equal(dcg / ideal, metrics.NdcgAt10, 12);
        Assert.Equal(0.3, metrics.PrecisionAt10, 12);
        Assert.Equal(((1.0 / 1) + (2.0 / 3) + (3.0 / 6)) / 3, metrics.MeanAveragePrecision, 12);
        Assert.Equal(1.0, metrics.MeanReciprocalRank, 12);
        Assert.Equal(1, metrics.Queries);
        Assert.Equal(0.8711, Math.Round(metrics.NdcgAt10, 4));
    }

    [Fact]
    public void Relevant_documents_below_rank_10_count_for_average_precision_only()
    {
        var ranked = Enumerable.Range(1, 12).Select(i => $"d{i}").ToArray();
        var metrics = One(ranked, "d3", "d12", "missing");

        Assert.Equal(1 / Math.Log2(4) / (1 + (1 / Math.Log2(3)) + (1 / Math.Log2(4))), metrics.NdcgAt10, 12);
        Assert.Equal(0.1, metrics.PrecisionAt10, 12);
        // Unretrieved relevant documents still count in the denominator, as trec_eval does.
        Assert.Equal(((1.0 / 3) + (2.0 / 12)) / 3, metrics.MeanAveragePrecision, 12);
        Assert.Equal(1.0 / 3, metrics.MeanReciprocalRank, 12);
    }

    [Fact]
    public void A_perfect_ranking_scores_one_and_a_ranking_without_hits_scores_zero()
    {
        var perfect = One(["a", "b", "x"], "a", "b");
        var none = One(["x", "y", "z"], "a", "b");

        Assert.Equal(1.0, perfect.NdcgAt10, 12);
        Assert.Equal(0.2, perfect.PrecisionAt10, 12);
        Assert.Equal(1.0, perfect.MeanAveragePrecision, 12);
        Assert.Equal(1.0, perfect.MeanReciprocalRank, 12);
        Assert.Equal(new RankingMetrics(0, 0, 0, 0, 1), none);
    }

    [Fact]
    public void Averages_over_queries_with_relevant_documents_and_counts_missing_runs_as_zero()
    {
        var runs = new Dictionary<string, IReadOnlyList<string>>
        {
            ["q1"] = ["a", "b"],
            ["q2"] = ["x", "c"],
            ["q3"] = ["a"],
        };
        var qrels = new Dictionary<string, HashSet<string>>
        {
            ["q1"] = ["a"],
            ["q2"] = ["c"],
            ["q3"] = [],
            ["q4"] = ["z"],
        };

        var metrics = RankingMetrics.Compute(runs, qrels);

        Assert.Equal(3, metrics.Queries);
        Assert.Equal((1.0 + 0.5 + 0) / 3, metrics.MeanReciprocalRank, 12);
        Assert.Equal((1.0 + (1 / Math.Log2(3)) + 0) / 3, metrics.NdcgAt10, 12);
        Assert.Equal((0.1 + 0.1 + 0) / 3, metrics.PrecisionAt10, 12);
        Assert.Equal((1.0 + 0.5 + 0) / 3, metrics.MeanAveragePrecision, 12);
    }

    [Fact]
    public void No_judged_queries_gives_zeros()
    {
        Assert.Equal(new RankingMetrics(0, 0, 0, 0, 0), RankingMetrics.Compute(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, HashSet<string>>()));
    }

    [Fact]
    public void The_summary_line_names_each_figure()
    {
        Assert.Equal("nDCG@10=0.412 P@10=0.411 MAP=0.205 MRR=0.562 queries=369", new RankingMetrics(0.41234, 0.4111, 0.2049, 0.5621, 369).ToString());
    }
}
