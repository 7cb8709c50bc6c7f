using System.Globalization;
using System.Text;

namespace Match.Scoring.Features;

/// <summary>
/// The analysis stage ahead of ML.NET: lower case, technology names that punctuation would break kept as one token
/// ("c++" → "cplusplus", "c#" → "csharp", ".net" → "dotnet"), every other non-alphanumeric run → one U+0020,
/// and a light plural fold, so FeaturizeText (which splits on U+0020 only) sees clean words.
/// </summary>
public static class TermText
{
    private static readonly (string From, string To)[] Protected =
    [
        ("c++", " cplusplus "),
        ("c#", " csharp "),
        ("f#", " fsharp "),
        (".net", " dotnet "),
        ("node.js", " nodejs "),
        ("vue.js", " vuejs "),
        ("react.js", " reactjs "),
        ("a/b", " ab "),
        ("r&d", " rnd "),
        ("m&a", " mna "),
        ("p&l", " pnl "),
        ("at&t", " att "),
    ];

    public static string Prepare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        foreach (var (from, to) in Protected)
        {
            if (lower.Contains(from, StringComparison.Ordinal)) lower = lower.Replace(from, to, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(lower.Length);
        var word = new StringBuilder();
        foreach (var ch in lower.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
            }
            else
            {
                Flush(sb, word);
            }
        }

        Flush(sb, word);
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, StringBuilder word)
    {
        if (word.Length == 0) return;
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(FoldPlural(word.ToString()));
        word.Clear();
    }

    // An S-stemmer: enough to make "skills"/"skill" and "policies"/"policy" one term without a stemmer's surprises.
    internal static string FoldPlural(string word)
    {
        if (word.Length <= 3 || !word.EndsWith('s')) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
            return word[..^3] + "y";
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal))
            return word;
        if (word.EndsWith("es", StringComparison.Ordinal) && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)))
            return word[..^2];
        return word[..^1];
    }
}
