namespace Match.Scoring.Skills;

/// <summary>A skill with the names it goes by (aliases and abbreviations, matched case-insensitively on word boundaries).</summary>
public sealed record SkillEntry(string Canonical, IReadOnlyList<string> Aliases)
{
    /// <summary>Where the entry belongs or comes from (a built-in section, an O*NET commodity title, an ESCO skill type); informational.</summary>
    public string Group { get; init; } = "";

    /// <summary>Family of related skills ("tech", "finance", ...); mentions of a family give context to context-only names.</summary>
    public string Family { get; init; } = "";

    /// <summary>Families whose mentions make this entry's context-only names count; empty means <see cref="Family"/> alone.</summary>
    public IReadOnlyList<string> ContextFamilies { get; init; } = [];

    /// <summary>Names (the canonical or aliases) that are ambiguous or common words: they count only near a mention from a context family.</summary>
    public IReadOnlyList<string> ContextOnly { get; init; } = [];

    /// <summary>Names (the canonical or aliases) matched only in exactly this letter case ("AR", "Go").</summary>
    public IReadOnlyList<string> ExactCase { get; init; } = [];

    /// <summary>The canonical name followed by the aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Canonical);
}
