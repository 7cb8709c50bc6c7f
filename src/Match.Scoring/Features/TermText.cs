using System.Globalization;
using Match.Scoring.Resumes;
using System.Text;

namespace Match.Scoring.Features;

/// <summary>How words are reduced before featurization.</summary>
public enum Stemming
{
    None,
    Plural,
    Porter,
}

/// <summary>
/// The analysis stage ahead of ML.NET: lower case, technology names that punctuation would break kept as one token
/// ("c++" → "cplusplus", "c#" → "csharp", ".net" → "dotnet"), every other non-alphanumeric run → one U+0020,
/// and stems (Porter's, or plurals only), so FeaturizeText (which splits on U+0020 only) sees clean words.
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

    public static string Prepare(string text, Stemming stemming = Stemming.Porter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        foreach (var (from, to) in Protected)
        {
            if (lower.Contains(from, StringComparison.Ordinal)) lower = lower.Replace(from, to, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(lower.Length);
        var word = new StringBuilder();
        // Accents go before stemming ("résumés" → "resume"); string.Normalize is a no-op under invariant globalization.
        foreach (var c in lower)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var ch = ResumeText.WithoutAccent(c);
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
            }
            else
            {
                Flush(sb, word, stemming);
            }
        }

        Flush(sb, word, stemming);
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, StringBuilder word, Stemming stemming)
    {
        if (word.Length == 0) return;
        if (sb.Length > 0) sb.Append(' ');
        var w = word.ToString();
        sb.Append(stemming switch
        {
            Stemming.Porter => PorterStemmer.Stem(w),
            Stemming.Plural => PorterStemmer.StemPlural(w),
            _ => w,
        });
        word.Clear();
    }
}
