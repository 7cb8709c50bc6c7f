namespace Match.Scoring.Skills;

/// <summary>The curated skill vocabulary that ships with Match (aliases and abbreviations across occupations), read from the embedded builtin-skills.txt.</summary>
public static class BuiltInSkills
{
    private const string ResourceName = "Match.Scoring.Skills.builtin-skills.txt";

    private static readonly Lazy<IReadOnlyList<SkillEntry>> LazyEntries = new(Load);

    /// <summary>The curated entries, grouped by section and family.</summary>
    public static IReadOnlyList<SkillEntry> Entries => LazyEntries.Value;

    /// <summary>Builds the built-in vocabulary; callers hold one instance.</summary>
    public static SkillVocabulary Create() => new(Entries);

    private static readonly Lazy<HashSet<string>> SoftSkills = new(() =>
        Entries.Where(e => e.Family == "soft").Select(e => e.Canonical).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>True for the curated soft skills ("Teamwork", "Analytical Skills"): naming them is a claim, not evidence.</summary>
    public static bool IsSoftSkill(string canonical) => SoftSkills.Value.Contains(canonical);

    /// <summary>Builds the built-in vocabulary extended by imported entries (built-in names win; see <see cref="SkillCatalog.Merge"/>).</summary>
    public static SkillVocabulary CreateWith(params IEnumerable<SkillEntry>[] imported) =>
        new(SkillCatalog.Merge(Entries, imported.SelectMany(e => e)));

    private static IReadOnlyList<SkillEntry> Load()
    {
        using var stream = typeof(BuiltInSkills).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return SkillListReader.Read(reader);
    }
}
