using System.Text;
using System.Text.RegularExpressions;

namespace Match.Scoring.Postings;

/// <summary>Text stages for requirement clauses: cleaning, label removal and splitting into atomic clauses.</summary>
internal static partial class RequirementText
{
    private const int TimeoutMs = 1000;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g.", "i.e.", "etc.", "vs.", "inc.", "incl.", "approx.", "sr.", "jr.", "dr.", "mr.", "ms.", "st.", "no.", "co.",
    };

    private static readonly HashSet<string> LabelEndingStopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "of", "to", "with", "including", "as", "like", "for", "on", "at", "from", "e.g", "such", "or", "and", "are",
        "is", "be", "the", "a", "an", "following", "include", "includes",
    };

    /// <summary>Strips bullets and numbering, folds whitespace and typographic quotes, drops JSON debris at the ends.</summary>
    public static string Clean(string text)
    {
        var folded = FoldWhitespace(text).Replace('’', '\'').Replace('‘', '\'');
        folded = JsonDebris().Replace(folded, " ");
        folded = LeadingBullet().Replace(folded, "");
        folded = folded.Trim().Trim('"', '{', '}', '[', ']', ',').Trim();
        return folded;
    }

    /// <summary>Collapses every run of whitespace (including non-breaking spaces) into one space and trims.</summary>
    public static string FoldWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Removes a short leading label such as "Soft skills:" and returns it (lower case), or null when there is none.</summary>
    public static string? StripLabel(ref string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 40 || colon == text.Length - 1)
        {
            return null;
        }

        var label = text[..colon].Trim();
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 4 || LabelEndingStopWords.Contains(words[^1]) ||
            !label.All(c => char.IsLetter(c) || c is ' ' or '-' or '&' or '/' or '\''))
        {
            return null;
        }

        text = text[(colon + 1)..].Trim();
        return label.ToLowerInvariant();
    }

    /// <summary>Splits a clause into sentences on terminal punctuation and semicolons, keeping abbreviations such as "e.g." and "Ph.D." intact.</summary>
    public static List<string> SplitSentences(string text)
    {
        var parts = new List<string>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            depth = c switch { '(' => depth + 1, ')' when depth > 0 => depth - 1, _ => depth };
            if (c == ';' && depth == 0 && !ContinuesYearsClause(text[start..i], text.Substring(i + 1, Math.Min(200, text.Length - i - 1))))
            {
                AddPart(parts, text[start..i]);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?') || i + 2 >= text.Length || text[i + 1] != ' ')
            {
                continue;
            }

            var next = text[i + 2];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '(' or '"'))
            {
                continue;
            }

            if (c == '.' && IsAbbreviationEnd(text, i, countInitials: true))
            {
                continue;
            }

            AddPart(parts, text[start..(i + 1)]);
            start = i + 2;
        }

        AddPart(parts, text[start..]);
        return parts;
    }

    /// <summary>Splits compound clauses that join two requirements: a second years figure ("7+ years …, with 2+ years …")
    /// and a second ability ("… and ability to …").</summary>
    public static List<string> SplitCompound(string clause)
    {
        var parts = new List<string>();
        var rest = clause;
        while (true)
        {
            var cut = FindCompoundCut(rest);
            if (cut is null)
            {
                AddPart(parts, rest);
                return parts;
            }

            AddPart(parts, rest[..cut.Value.End]);
            rest = Capitalize(rest[cut.Value.Next..]);
        }
    }

    /// <summary>Trims separators and a sentence-final period (kept when it ends an abbreviation like "Ph.D.").</summary>
    public static string Tidy(string text)
    {
        var tidy = text.Trim().TrimEnd(',', ';', ':').TrimEnd();
        if (tidy.EndsWith('.') && !IsAbbreviationEnd(tidy, tidy.Length - 1, countInitials: false))
        {
            tidy = tidy[..^1].TrimEnd();
        }

        return tidy.TrimStart(',', ';', ':', '.', ' ');
    }

    private static (int End, int Next)? FindCompoundCut(string text)
    {
        foreach (System.Text.RegularExpressions.Match years in YearsJoin().Matches(text))
        {
            var prefix = text[..years.Index];
            if (years.Index > 0 && (YearsFigure().IsMatch(prefix) || DegreeWord().IsMatch(prefix)))
            {
                return (years.Index, years.Index + years.Length);
            }
        }

        foreach (System.Text.RegularExpressions.Match ability in AbilityJoin().Matches(text))
        {
            // "Passion for, and experience in, the Telco industry" shares its object: the left side is unfinished.
            if (ability.Index > 0 && !UnfinishedEnd().IsMatch(text[..ability.Index]))
            {
                return (ability.Index, ability.Index + ability.Length);
            }
        }

        return null;
    }

    // "6 years of experience in consulting; software, internet and/or media industries" lists more of the same years.
    private static bool ContinuesYearsClause(string left, string right)
    {
        var next = right.Split('.', ';')[0];
        return YearsFigure().IsMatch(left) && !YearsFigure().IsMatch(next) && !OwnRequirementWord().IsMatch(next);
    }

    private static bool IsAbbreviationEnd(string text, int periodIndex, bool countInitials)
    {
        // Tokens worth checking are short; the bounded look-back keeps long unspaced input linear.
        var from = Math.Max(0, periodIndex - 12);
        var tokenStart = text.LastIndexOf(' ', periodIndex, periodIndex - from + 1) + 1;
        tokenStart = Math.Max(tokenStart, from);
        var token = text[tokenStart..(periodIndex + 1)].TrimStart('(', '"');
        if (Abbreviations.Contains(token))
        {
            return true;
        }

        // "Ph.D.", "U.S.", "B.S." are dotted abbreviations; a lone initial ("J.") only matters mid-text.
        return (countInitials && token.Length == 2 && char.IsUpper(token[0])) || DottedAbbreviation().IsMatch(token);
    }

    private static void AddPart(List<string> parts, string part)
    {
        var tidy = Tidy(part);
        if (tidy.Any(char.IsLetterOrDigit))
        {
            parts.Add(tidy);
        }
    }

    private static string Capitalize(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.Length == 0 ? trimmed : char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{1,3}\.){2,}$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DottedAbbreviation();

    // A years figure joined to what precedes it by ", with", ", and", "; ", " and", ", including" (never by "or").
    [GeneratedRegex(@"(?:,\s*(?:with|and|plus|including|of\s+which)?|\s+and|\s+plus)\s+(?:(?:at\s+least|a\s+minimum\s+of|minimum\s+of)\s+)?(?=\d+(?:\.\d+)?\s*\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex YearsJoin();

    [GeneratedRegex(@"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:years?|yrs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex YearsFigure();

    [GeneratedRegex(@"\b(?:degree|bachelor|master|ph\.?\s?d|doctorate|diploma)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DegreeWord();

    [GeneratedRegex(@"(?:,|\b(?:for|in|of|with|to|on|about))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex UnfinishedEnd();

    [GeneratedRegex(@"\b(?:experience|ability|able|knowledge|skills?|understanding|familiarity|proficiency|expertise|passion|interest|degree|track\s+record|demonstrated|excellent|strong)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex OwnRequirementWord();

    [GeneratedRegex(@"\s+and\s+(?=(?:the\s+|an\s+)?(?:ability|experience|knowledge|familiarity|proficiency|understanding|expertise)\s+(?:to|in|of|with|on)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex AbilityJoin();

    // Bullets (•, ·, ▪, -, *, –), "1.", "1)", "(a)", "a." at the start of an item.
    [GeneratedRegex(@"^(?:[•·▪◦●○■□►▸‣⁃*\-–—>]+\s*|\(?\d{1,2}[.)]\s+|\(?[a-zA-Z][.)]\s+(?=[A-Z]))+", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex LeadingBullet();

    // Scraped-JSON debris: ","responsibilities":" or ","internalDetails":null around item text.
    [GeneratedRegex(@"""\s*,\s*""[A-Za-z_][A-Za-z0-9_]{0,40}""\s*:\s*(?:null|true|false|-?\d+(?:\.\d+)?|""?)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex JsonDebris();
}
