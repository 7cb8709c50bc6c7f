namespace Match.Scoring.Features;

/// <summary>How text becomes vectors. Defaults were chosen by measurement on the evaluation data (README, "Model").</summary>
public sealed record FeaturizerOptions
{
    /// <summary>Longest word n-gram (1 = unigrams; 2 = unigrams and bigrams).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Cap on distinct n-grams of each length kept in the dictionary at fit time.</summary>
    public int MaxNgramsPerLength { get; init; } = 500_000;

    /// <summary>How words are stemmed before n-grams are formed.</summary>
    public Stemming Stemming { get; init; } = Stemming.Plural;

    /// <summary>Drop English stop words before forming n-grams.</summary>
    public bool RemoveStopWords { get; init; } = true;

    /// <summary>Weight a term 1 + ln(tf) instead of tf (measured slightly worse on dev: nDCG@10 0.412 vs 0.418).</summary>
    public bool SublinearTf { get; init; }

    /// <summary>Terms seen in fewer training documents than this weigh 0 (typos, names, one-off tokens).</summary>
    public int MinDocumentFrequency { get; init; } = 2;
}
