namespace Match.Eval;

/// <summary>Binary-relevance ranking metrics as trec_eval computes them: nDCG@10, P@10, MAP at the run depth, MRR.</summary>
public sealed record RankingMetrics(double NdcgAt10, double PrecisionAt10, double MeanAveragePrecision, double MeanReciprocalRank, int Queries)
{
    /// <summary>Averages per-query metrics over every query that has at least one relevant document.</summary>
    public static RankingMetrics Compute(
        IReadOnlyDictionary<string, IReadOnlyList<string>> runs,
        IReadOnlyDictionary<string, HashSet<string>> qrels)
    {
        double ndcg = 0, p10 = 0, map = 0, mrr = 0;
        var queries = 0;
        foreach (var (query, relevant) in qrels)
        {
            if (relevant.Count == 0) continue;
            queries++;
            var ranked = runs.TryGetValue(query, out var r) ? r : [];
            ndcg += NdcgAt(ranked, relevant, 10);
            p10 += ranked.Take(10).Count(relevant.Contains) / 10.0;
            map += AveragePrecision(ranked, relevant);
            mrr += ReciprocalRank(ranked, relevant);
        }

        return queries == 0
            ? new RankingMetrics(0, 0, 0, 0, 0)
            : new RankingMetrics(ndcg / queries, p10 / queries, map / queries, mrr / queries, queries);
    }

    internal static double NdcgAt(IReadOnlyList<string> ranked, HashSet<string> relevant, int k)
    {
        double dcg = 0, ideal = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i])) dcg += 1.0 / Math.Log2(i + 2);
        }

        for (var i = 0; i < Math.Min(k, relevant.Count); i++)
        {
            ideal += 1.0 / Math.Log2(i + 2);
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }

    internal static double AveragePrecision(IReadOnlyList<string> ranked, HashSet<string> relevant)
    {
        double sum = 0;
        var hits = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (!relevant.Contains(ranked[i])) continue;
            hits++;
            sum += hits / (double)(i + 1);
        }

        return sum / relevant.Count;
    }

    internal static double ReciprocalRank(IReadOnlyList<string> ranked, HashSet<string> relevant)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            if (relevant.Contains(ranked[i])) return 1.0 / (i + 1);
        }

        return 0;
    }

    public override string ToString() =>
        FormattableString.Invariant($"nDCG@10={NdcgAt10:F3} P@10={PrecisionAt10:F3} MAP={MeanAveragePrecision:F3} MRR={MeanReciprocalRank:F3} queries={Queries}");
}
