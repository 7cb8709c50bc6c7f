using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Match.Scoring.Skills;

/// <summary>A skill with the names it goes by (aliases and abbreviations, matched case-insensitively on word boundaries).</summary>
public sealed record SkillEntry(string Canonical, IReadOnlyList<string> Aliases);

/// <summary>Finds known skills in text. Immutable and thread-safe once built.</summary>
public sealed class SkillVocabulary
{
    private readonly FrozenDictionary<string, string> _aliasToCanonical;
    private readonly Regex _matcher;

    public SkillVocabulary(IEnumerable<SkillEntry> entries)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            map.TryAdd(entry.Canonical, entry.Canonical);
            foreach (var alias in entry.Aliases)
            {
                map.TryAdd(alias, entry.Canonical);
            }
        }

        _aliasToCanonical = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Count = map.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count();

        // Longest alias first so "machine learning" wins over "learning"; boundaries allow symbols like C++ and C#.
        var alternation = string.Join('|', map.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        _matcher = new Regex(
            $@"(?<![\p{{L}}\p{{N}}+#])(?:{alternation})(?![\p{{L}}\p{{N}}+#])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            TimeSpan.FromSeconds(2));
    }

    /// <summary>Number of distinct canonical skills.</summary>
    public int Count { get; }

    /// <summary>Every skill mention in <paramref name="text"/>, in order of appearance.</summary>
    public IReadOnlyList<SkillMention> FindSkills(string text)
    {
        var found = new List<SkillMention>();
        foreach (System.Text.RegularExpressions.Match m in _matcher.Matches(text))
        {
            found.Add(new SkillMention(_aliasToCanonical[m.Value], m.Index, m.Length));
        }

        return found;
    }

    /// <summary>The canonical name for an alias, or null when unknown.</summary>
    public string? Canonicalize(string alias) => _aliasToCanonical.GetValueOrDefault(alias.Trim());
}
