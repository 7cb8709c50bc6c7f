namespace Match.Scoring.Skills;

/// <summary>Finds known skills in text with a token trie (longest alias wins; slash lists, symbols and hyphens handled). Immutable and thread-safe once built.</summary>
public sealed class SkillVocabulary
{
    /// <summary>How far (in tokens, symbols included) a context-only name may stand from the mention that gives it context.</summary>
    public const int ContextWindowTokens = 10;

    private const int Root = 0;

    // Tokens are interned case-insensitively; trie edges are keyed by (node, token id, glued) packed in a long.
    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly Dictionary<long, int> _edges = [];
    private readonly List<AliasTarget[]?> _targets = [null];

    public SkillVocabulary(IEnumerable<SkillEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _tokenLookup = _tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var canonicals = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tokens = new List<SkillToken>();
        foreach (var entry in entries)
        {
            canonicals.Add(entry.Canonical);
            var contextFamilies = entry.ContextFamilies.Count > 0 ? entry.ContextFamilies.ToArray() : [entry.Family];
            foreach (var name in entry.Names.Distinct(StringComparer.Ordinal))
            {
                tokens.Clear();
                SkillTokenizer.Tokenize(name, tokens);
                if (tokens.Count == 0)
                {
                    continue;
                }

                var exact = entry.ExactCase.Contains(name, StringComparer.Ordinal)
                    ? tokens.Select(t => name.Substring(t.Start, t.Length)).ToArray()
                    : null;
                var contextOnly = entry.ContextOnly.Contains(name, StringComparer.Ordinal);
                AddAlias(name, tokens, new AliasTarget(entry.Canonical, entry.Family, contextOnly ? contextFamilies : null, exact));
            }
        }

        Count = canonicals.Count;
    }

    /// <summary>Number of distinct canonical skills.</summary>
    public int Count { get; }

    /// <summary>Every skill mention in <paramref name="text"/>, in order of appearance; at each position the longest alias wins.</summary>
    public IReadOnlyList<SkillMention> FindSkills(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<SkillToken>(text.Length / 5 + 1);
        SkillTokenizer.Tokenize(text, tokens);
        var sure = new List<Hit>();
        List<(Hit Span, AliasTarget[] Targets)>? contextual = null;
        var i = 0;
        while (i < tokens.Count)
        {
            var (last, targets) = LongestMatch(text, tokens, i);
            if (targets is null)
            {
                i++;
                continue;
            }

            var start = tokens[i].Start;
            var length = tokens[last].End - start;
            var unconditional = Array.Find(targets, t => t.ContextFamilies is null);
            if (unconditional is not null)
            {
                sure.Add(new Hit(new SkillMention(unconditional.Canonical, start, length), i, last, unconditional.Family));
            }
            else
            {
                (contextual ??= []).Add((new Hit(new SkillMention("", start, length), i, last, ""), targets));
            }

            i = last + 1;
        }

        if (contextual is null)
        {
            return sure.ConvertAll(h => h.Mention);
        }

        var resolved = new List<SkillMention>(sure.Count + contextual.Count);
        resolved.AddRange(sure.Select(h => h.Mention));
        foreach (var (span, targets) in contextual)
        {
            // "AR" next to "VR" is augmented reality, next to "AP" accounts receivable: the nearest context decides.
            AliasTarget? chosen = null;
            var chosenDistance = int.MaxValue;
            foreach (var target in targets)
            {
                var distance = ContextDistance(sure, span, target.ContextFamilies!);
                if (distance < chosenDistance)
                {
                    (chosen, chosenDistance) = (target, distance);
                }
            }

            if (chosen is not null)
            {
                resolved.Add(span.Mention with { Canonical = chosen.Canonical });
            }
        }

        resolved.Sort((a, b) => a.Start.CompareTo(b.Start));
        return resolved;
    }

    /// <summary>The canonical name for an alias (any letter case, hyphens or spaces), or null when unknown.</summary>
    public string? Canonicalize(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        var tokens = new List<SkillToken>();
        SkillTokenizer.Tokenize(alias, tokens);
        var node = Root;
        for (var k = 0; k < tokens.Count; k++)
        {
            node = Step(node, alias.AsSpan(tokens[k].Start, tokens[k].Length), k > 0 && tokens[k].Glued);
            if (node < 0)
            {
                return null;
            }
        }

        return tokens.Count > 0 && _targets[node] is { } targets ? targets[0].Canonical : null;
    }

    private void AddAlias(string name, List<SkillToken> tokens, AliasTarget target)
    {
        var node = Root;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = name.Substring(tokens[k].Start, tokens[k].Length);
            if (!_tokenIds.TryGetValue(token, out var tokenId))
            {
                tokenId = _tokenIds.Count;
                _tokenIds.Add(token, tokenId);
            }

            var edge = EdgeKey(node, tokenId, k > 0 && tokens[k].Glued);
            if (!_edges.TryGetValue(edge, out var child))
            {
                child = _targets.Count;
                _targets.Add(null);
                _edges.Add(edge, child);
            }

            node = child;
        }

        var existing = _targets[node] ?? [];
        if (!existing.Any(t => t.SameMeaning(target)))
        {
            _targets[node] = [.. existing, target];
        }
    }

    private int Step(int node, ReadOnlySpan<char> token, bool glued) =>
        _tokenLookup.TryGetValue(token, out var tokenId) && _edges.TryGetValue(EdgeKey(node, tokenId, glued), out var child) ? child : -1;

    private static long EdgeKey(int node, int tokenId, bool glued) => ((long)node << 32) | ((long)tokenId << 1) | (glued ? 1L : 0L);

    /// <summary>The last token of the longest alias starting at token <paramref name="first"/> whose boundaries and letter case fit, with its usable targets.</summary>
    private (int Last, AliasTarget[]? Targets) LongestMatch(string text, List<SkillToken> tokens, int first)
    {
        if (first > 0 && tokens[first].Glued && IsJoiner(text[tokens[first - 1].Start]) && !tokens[first - 1].IsWord)
        {
            return (-1, null);
        }

        var node = Root;
        var best = (-1, (AliasTarget[]?)null);
        for (var k = first; k < tokens.Count; k++)
        {
            node = Step(node, text.AsSpan(tokens[k].Start, tokens[k].Length), k > first && tokens[k].Glued);
            if (node < 0)
            {
                break;
            }

            if (_targets[node] is { } targets && EndsOnBoundary(text, tokens, k))
            {
                var usable = Usable(text, tokens, first, k, targets);
                if (usable is not null)
                {
                    best = (k, usable);
                }
            }
        }

        return best;
    }

    // "C" must not match inside "C+", "C#", "R&D".
    private static bool EndsOnBoundary(string text, List<SkillToken> tokens, int last) =>
        last + 1 >= tokens.Count || !tokens[last + 1].Glued || tokens[last + 1].IsWord || !IsJoiner(text[tokens[last + 1].Start]);

    private static bool IsJoiner(char c) => c is '+' or '#' or '&';

    private static AliasTarget[]? Usable(string text, List<SkillToken> tokens, int first, int last, AliasTarget[] targets)
    {
        var hyphenCompound = tokens[first].Hyphenated || (last + 1 < tokens.Count && tokens[last + 1].Hyphenated);
        var usable = targets;
        foreach (var target in targets)
        {
            if (!target.Fits(text, tokens, first, last, hyphenCompound))
            {
                usable = [.. targets.Where(t => t.Fits(text, tokens, first, last, hyphenCompound))];
                break;
            }
        }

        return usable.Length > 0 ? usable : null;
    }

    /// <summary>Tokens between the span and the nearest sure mention of one of <paramref name="families"/>; int.MaxValue when none is within the window.</summary>
    private static int ContextDistance(List<Hit> sure, Hit span, string[] families)
    {
        var nearest = int.MaxValue;
        foreach (var hit in sure)
        {
            var distance = Math.Max(span.FirstToken - hit.LastToken, hit.FirstToken - span.LastToken);
            if (distance <= ContextWindowTokens && distance < nearest && families.Contains(hit.Family, StringComparer.OrdinalIgnoreCase))
            {
                nearest = distance;
            }
        }

        return nearest;
    }

    private readonly record struct Hit(SkillMention Mention, int FirstToken, int LastToken, string Family);

    /// <summary>What one alias names: the canonical skill and the conditions under which it counts.</summary>
    private sealed record AliasTarget(string Canonical, string Family, string[]? ContextFamilies, string[]? ExactTokens)
    {
        public bool SameMeaning(AliasTarget other) =>
            string.Equals(Canonical, other.Canonical, StringComparison.OrdinalIgnoreCase)
            && (ContextFamilies is null) == (other.ContextFamilies is null)
            && (ExactTokens is null) == (other.ExactTokens is null);

        public bool Fits(string text, List<SkillToken> tokens, int first, int last, bool hyphenCompound)
        {
            // Context-only names are short or common words: "C-suite", "Go-to-Market" are words of their own.
            if (ContextFamilies is not null && hyphenCompound)
            {
                return false;
            }

            if (ExactTokens is null)
            {
                return true;
            }

            if (ExactTokens.Length != last - first + 1)
            {
                return false;
            }

            for (var k = 0; k < ExactTokens.Length; k++)
            {
                if (!text.AsSpan(tokens[first + k].Start, tokens[first + k].Length).SequenceEqual(ExactTokens[k]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
