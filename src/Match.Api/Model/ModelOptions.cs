using Match.Scoring.Features;
using Match.Scoring.Matching;

namespace Match.Api.Model;

/// <summary>How the matching model is fitted and hosted (section <c>Match:Model</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Match:Model";

    /// <summary>Optional O*NET Alternate Titles file; with it the model ranks by occupation too (nDCG@10 0.36 → 0.41 on dev).</summary>
    public string? OccupationTitlesPath { get; set; }

    /// <summary>How many closest occupations a text keeps (1–100, default 10).</summary>
    public int OccupationTopK { get; set; } = 10;

    /// <summary>Terms seen in fewer fitted documents than this weigh 0 (default 2).</summary>
    public int MinDocumentFrequency { get; set; } = 2;

    /// <summary>Load (or fit) the model in the background as the service starts (default true); when false, on first use.</summary>
    public bool LoadOnStart { get; set; } = true;

    /// <summary>How often the service looks for a newer saved version (one written by <c>model refit</c>); zero turns it off. Default 10 s.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Saved versions kept on disk, newest first (default 3); older ones are deleted after a refit.</summary>
    public int KeepVersions { get; set; } = 3;

    /// <summary>Prepared roles and résumés kept in memory across requests (default 4,000 entries).</summary>
    public int PreparedCacheEntries { get; set; } = 4000;

    public MatchModelOptions ToModelOptions() => new()
    {
        OccupationTopK = OccupationTopK,
        Featurizer = new FeaturizerOptions { MinDocumentFrequency = MinDocumentFrequency },
    };
}
