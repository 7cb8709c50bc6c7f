namespace Match.Scoring.Skills;

/// <summary>One token of text: a run of letters and digits, or a single symbol character.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Glued">True when no space separates it from the previous token ("C" "+" "+").</param>
/// <param name="Hyphenated">True when a hyphen joins it to the previous word ("C-suite"); the hyphen itself is dropped and counts as a space.</param>
/// <param name="IsWord">True for letters and digits, false for a symbol.</param>
internal readonly record struct SkillToken(int Start, int Length, bool Glued, bool Hyphenated, bool IsWord)
{
    public int End => Start + Length;
}

/// <summary>Splits text into word and symbol tokens so aliases like "C++", ".NET", "A/R" and "machine-learning" line up with text.</summary>
internal static class SkillTokenizer
{
    public static void Tokenize(ReadOnlySpan<char> text, List<SkillToken> into)
    {
        var glued = false;
        var hyphenated = false;
        var lastWasWord = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                into.Add(new SkillToken(start, i - start, glued, hyphenated, IsWord: true));
                glued = true;
                hyphenated = false;
                lastWasWord = true;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                glued = false;
                hyphenated = false;
                lastWasWord = false;
                i++;
                continue;
            }

            // A hyphen inside a word ("C-suite", "machine-learning") joins words like a space does.
            if (IsHyphen(c) && lastWasWord && glued && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                glued = false;
                hyphenated = true;
                lastWasWord = false;
                i++;
                continue;
            }

            into.Add(new SkillToken(i, 1, glued, hyphenated, IsWord: false));
            glued = true;
            hyphenated = false;
            lastWasWord = false;
            i++;
        }
    }

    /// <summary>A normalised key for a name: lower case, hyphens and runs of spaces as one space, glued symbols kept ("c++", "a/r", "machine learning").</summary>
    public static string Key(string name)
    {
        var tokens = new List<SkillToken>();
        Tokenize(name, tokens);
        var key = new System.Text.StringBuilder(name.Length);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (k > 0 && !tokens[k].Glued)
            {
                key.Append(' ');
            }

            key.Append(name.AsSpan(tokens[k].Start, tokens[k].Length));
        }

        return key.ToString().ToLowerInvariant();
    }

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';
}
