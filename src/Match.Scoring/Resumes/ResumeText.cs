using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Match.Scoring.Resumes;

/// <summary>Canonical clean form of résumé text: the text every offset in a <see cref="ResumeProfile"/> indexes into.</summary>
public static class ResumeText
{
    /// <summary>
    /// NFC; CRLF/CR → LF; tabs and non-breaking or other Unicode spaces → space; ligatures expanded; bullets → "- ";
    /// control and invisible format characters removed; runs of spaces collapsed; lines trimmed; at most one blank line
    /// in a row; no leading or trailing blank lines. Idempotent.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = text;

        var output = new StringBuilder(source.Length);
        var line = new StringBuilder();
        var blankLinesPending = 0;
        var anyLineWritten = false;

        void FlushLine()
        {
            var trimmedEnd = line.Length;
            while (trimmedEnd > 0 && line[trimmedEnd - 1] == ' ')
            {
                trimmedEnd--;
            }

            if (trimmedEnd == 0)
            {
                if (anyLineWritten)
                {
                    blankLinesPending = 1;
                }
            }
            else
            {
                if (anyLineWritten)
                {
                    output.Append('\n', 1 + blankLinesPending);
                }

                output.Append(line, 0, trimmedEnd);
                anyLineWritten = true;
                blankLinesPending = 0;
            }

            line.Clear();
        }

        void AppendSpace()
        {
            // Leading spaces are dropped and runs collapse to one.
            if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
        }

        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < source.Length && source[i + 1] == '\n')
                    {
                        i++;
                    }

                    FlushLine();
                    continue;
                case '\n':
                case '\u2028':
                case '\u2029':
                case '\f':
                case '\v':
                    FlushLine();
                    continue;
                case '\t':
                    AppendSpace();
                    continue;
            }

            var ligature = ExpandLigature(c);
            if (ligature is not null)
            {
                line.Append(ligature);
                continue;
            }

            if (IsBullet(c))
            {
                AppendSpace();
                line.Append('-');
                line.Append(' ');
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            switch (category)
            {
                case UnicodeCategory.SpaceSeparator:
                    AppendSpace();
                    break;
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.PrivateUse when !IsSymbolFontBullet(c):
                    break;
                case UnicodeCategory.PrivateUse:
                    AppendSpace();
                    line.Append("- ");
                    break;
                case UnicodeCategory.Surrogate:
                    // Keep well-formed pairs; drop lone surrogates so the result is valid UTF-16.
                    if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                    {
                        line.Append(c).Append(source[i + 1]);
                        i++;
                    }

                    break;
                case UnicodeCategory.NonSpacingMark when line.Length > 0 && TryCompose(line[^1], c, out var composed):
                    line[^1] = composed;
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }

        FlushLine();

        // With invariant globalization the runtime's Normalize is a no-op, so TryCompose covers the common Latin accents.
        var result = output.ToString();
        return result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    private static readonly (char Mark, string Bases, string Composed)[] Compositions =
    [
        ('\u0300', "AEIOUaeiou", "ÀÈÌÒÙàèìòù"),
        ('\u0301', "AEIOUYaeiouyCcNnSsZzLlRrGg", "ÁÉÍÓÚÝáéíóúýĆćŃńŚśŹźĹĺŔŕǴǵ"),
        ('\u0302', "AEIOUaeiouCcGgHhJjSsWwYy", "ÂÊÎÔÛâêîôûĈĉĜĝĤĥĴĵŜŝŴŵŶŷ"),
        ('\u0303', "ANOanoIiUu", "ÃÑÕãñõĨĩŨũ"),
        ('\u0308', "AEIOUaeiouyY", "ÄËÏÖÜäëïöüÿŸ"),
        ('\u030A', "AaUu", "ÅåŮů"),
        ('\u0327', "CcSsTtGgKkLlNnRr", "ÇçŞşŢţĢģĶķĻļŅņŖŗ"),
        ('\u030C', "CcSsZzEeRrNnDdTt", "ČčŠšŽžĚěŘřŇňĎďŤť"),
        ('\u0304', "AaEeIiOoUu", "ĀāĒēĪīŌōŪū"),
        ('\u0306', "AaEeGgIiOoUu", "ĂăĔĕĞğĬĭŎŏŬŭ"),
        ('\u0328', "AaEeIiUu", "ĄąĘęĮįŲų"),
        ('\u030B', "OoUu", "ŐőŰű"),
        ('\u0307', "CcEeGgIZz", "ĊċĖėĠġİŻż"),
    ];

    private static readonly FrozenDictionary<char, char> BaseLetters = Compositions
        .SelectMany(c => c.Composed.Select((form, i) => (form, letter: c.Bases[i])))
        .GroupBy(p => p.form)
        .ToDictionary(g => g.Key, g => g.First().letter)
        .ToFrozenDictionary();

    /// <summary>The letter without its accent for the common Latin accented letters ("é" → "e"); others unchanged.</summary>
    internal static char WithoutAccent(char letter) => BaseLetters.GetValueOrDefault(letter, letter);

    private static bool TryCompose(char letter, char mark, out char composed)
    {
        foreach (var (m, bases, forms) in Compositions)
        {
            if (m != mark)
            {
                continue;
            }

            var index = bases.IndexOf(letter, StringComparison.Ordinal);
            composed = index >= 0 ? forms[index] : default;
            return index >= 0;
        }

        composed = default;
        return false;
    }

    private static string? ExpandLigature(char c) => c switch
    {
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' => "st",
        '\uFB06' => "st",
        _ => null,
    };

    private static bool IsBullet(char c) => c is '•' or '▪' or '●' or '◦' or '‣' or '∙' or '■' or '□' or '◆' or '◇' or '➢' or '►' or '▶' or '⁃' or '○';

    // PDF and Word résumés written with the Symbol or Wingdings fonts carry their bullets in the private-use area.
    private static bool IsSymbolFontBullet(char c) => c is '\uF0B7' or '\uF0A7' or '\uF076' or '\uF0D8' or '\uF0FC' or '\uF0A8';
}
