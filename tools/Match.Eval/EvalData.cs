using System.Text.Json;

namespace Match.Eval;

/// <summary>One JSON-lines record of the evaluation data: a posting (with title) or a résumé.</summary>
public sealed record EvalDocument(string Id, string? Title, string Text);

/// <summary>Readers for the evaluation formats: JSON lines documents and TREC qrels/run files.</summary>
public static class EvalData
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<EvalDocument> ReadJsonLines(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<EvalDocument>(line, Json)
                ?? throw new InvalidDataException($"{path}: a line is not a JSON object"))
            .ToList();

    /// <summary>Reads `query 0 doc relevance`; keeps documents with relevance &gt; 0.</summary>
    public static Dictionary<string, HashSet<string>> ReadQrels(string path)
    {
        var qrels = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 4) continue;
            if (!qrels.TryGetValue(f[0], out var set)) qrels[f[0]] = set = new HashSet<string>(StringComparer.Ordinal);
            if (int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) > 0) set.Add(f[2]);
        }

        return qrels;
    }

    /// <summary>Swaps queries and documents, for ranking roles for a résumé.</summary>
    public static Dictionary<string, HashSet<string>> Invert(IReadOnlyDictionary<string, HashSet<string>> qrels)
    {
        var inverted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (query, docs) in qrels)
        {
            foreach (var doc in docs)
            {
                if (!inverted.TryGetValue(doc, out var set)) inverted[doc] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(query);
            }
        }

        return inverted;
    }

    /// <summary>Writes `query Q0 doc rank score tag` lines.</summary>
    public static void WriteRun(TextWriter writer, IReadOnlyDictionary<string, IReadOnlyList<(string Doc, double Score)>> runs, string tag)
    {
        foreach (var (query, ranked) in runs.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < ranked.Count; i++)
            {
                writer.WriteLine(FormattableString.Invariant($"{query} Q0 {ranked[i].Doc} {i + 1} {ranked[i].Score:F6} {tag}"));
            }
        }
    }
}
