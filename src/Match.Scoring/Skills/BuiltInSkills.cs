namespace Match.Scoring.Skills;

/// <summary>The curated skill vocabulary that ships with Match (aliases and abbreviations across occupations).</summary>
public static class BuiltInSkills
{
    /// <summary>Builds the built-in vocabulary; callers hold one instance (it compiles a regex).</summary>
    public static SkillVocabulary Create() => new(Entries);

    internal static readonly SkillEntry[] Entries =
    [
        new("Python", []),
        new("C++", ["cpp"]),
        new("C", []),
        new("Kubernetes", ["k8s"]),
        new("Machine Learning", ["ML"]),
        new("SQL", []),
    ];
}
