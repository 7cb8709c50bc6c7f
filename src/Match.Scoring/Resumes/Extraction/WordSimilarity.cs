namespace Match.Scoring.Resumes.Extraction;

/// <summary>Word-level similarity of two extractions of one document, both normalised by <see cref="ResumeText.Normalize"/> and split on whitespace.</summary>
public static class WordSimilarity
{
    /// <summary>F1 of the two word multisets (order ignored): 2·|A ∩ B| / (|A| + |B|), in [0, 1]; 1 when both are empty.</summary>
    public static double BagOfWordsF1(string a, string b)
    {
        var wordsA = Words(a);
        var wordsB = Words(b);
        if (wordsA.Length + wordsB.Length == 0)
        {
            return 1;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in wordsA)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        var common = 0;
        foreach (var word in wordsB)
        {
            if (counts.TryGetValue(word, out var n) && n > 0)
            {
                counts[word] = n - 1;
                common++;
            }
        }

        return 2.0 * common / (wordsA.Length + wordsB.Length);
    }

    /// <summary>Order-aware: 2·LCS(A, B) / (|A| + |B|) over word sequences, in [0, 1]; penalises column order that differs from the reference.</summary>
    public static double OrderedF1(string a, string b)
    {
        var wordsA = Words(a);
        var wordsB = Words(b);
        if (wordsA.Length + wordsB.Length == 0)
        {
            return 1;
        }

        var previous = new int[wordsB.Length + 1];
        var current = new int[wordsB.Length + 1];
        foreach (var word in wordsA)
        {
            for (var j = 1; j <= wordsB.Length; j++)
            {
                current[j] = string.Equals(word, wordsB[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return 2.0 * previous[wordsB.Length] / (wordsA.Length + wordsB.Length);
    }

    private static string[] Words(string text) =>
        ResumeText.Normalize(text).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
