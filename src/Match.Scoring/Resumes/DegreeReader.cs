using System.Text.RegularExpressions;
using RegexMatch = System.Text.RegularExpressions.Match;
using Match.Scoring.Postings;

namespace Match.Scoring.Resumes;

/// <summary>Finds the highest academic degree named in résumé text and, when stated, its field of study.</summary>
internal static partial class DegreeReader
{
    /// <summary>A degree mention: its level and field (null when none is written next to it).</summary>
    public sealed record DegreeMention(DegreeLevel Level, string? Field, int Start);

    // Bare two-letter forms (BA, MS, MA, MD, JD) collide with US state codes and product names, so the strict set,
    // used when no Education section exists, demands the dotted or spelled-out forms.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])(?:" +
        @"(?<doc>Ph\.\s?D\.?|PhD|Doctor(?:ate)?\s+of\s+(?<named>[A-Z][\p{L}]+(?:\s+(?:of\s+)?(?!(?:University|College|Institute|School)\b)[A-Z][\p{L}]+){0,3})|Doctorate|Juris\s+Doctor(?:ate)?|J\.D\.|M\.D\.|Ed\.D\.|EdD|Pharm\.?\s?D\.?|DNP|D\.N\.P\.|Psy\.?D\.?)" +
        @"|(?<master>Masters?'?s?\s+of\s+(?<named>[A-Z][\p{L}]+(?:\s+(?:of\s+)?(?!(?:University|College|Institute|School)\b)[A-Z][\p{L}]+){0,3})|(?<!Scrum\s)Master'?s?\s+(?:[Dd]egree|in\b)|M\.B\.A\.?|MBA|M\.S\.?|M\.A\.|M\.Sc\.?|MSc|MSN|M\.Ed\.?|MEd|MPA|MPH|MSW|M\.P\.A\.|M\.P\.H\.|MFA|M\.F\.A\.|MHA|MSA|MAcc)" +
        @"|(?<bachelor>Bachelors?'?s?\s+of\s+(?<named>[A-Z][\p{L}]+(?:\s+(?:of\s+)?(?!(?:University|College|Institute|School)\b)[A-Z][\p{L}]+){0,3})|Bachelor'?s?(?:\s+(?:[Dd]egree|in\b))?|Baccalaureate|B\.A\.?|B\.S\.?|B\.Sc\.?|BSc|B\.B\.A\.?|BBA|BSN|B\.S\.N\.|BFA|B\.F\.A\.|B\.Eng\.?|BEng|B\.Tech|BTech|B\.Com|BSBA|BSEE|BSME|BSCS)" +
        @"|(?<associate>Associates?'?s?\s+(?:of\s+(?<named>[A-Z][\p{L}]+(?:\s+(?:of\s+)?(?!(?:University|College|Institute|School)\b)[A-Z][\p{L}]+){0,3})|[Dd]egree|in\b)|A\.A\.S\.?|A\.A\.|A\.S\.|AAS)" +
        @"|(?<school>High\s+School\s+Diploma|High\s+School\s+Graduate|GED|G\.E\.D\.?|High\s+School\s+Equivalency|Diploma\s*:\s*High\s+School)" +
        @")(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex StrictMatcher();

    // Inside an Education section the bare abbreviations are taken too.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}.])(?<!,\s?)(?:(?<doc>JD|MD)|(?<master>MS|MA)|(?<bachelor>BA|BS)|(?<associate>AA|AS)|(?<school>High\s+School))(?![\p{L}\p{N}])(?!\s+(?:Office|Excel|Word|Access|Project|Outlook|PowerPoint|Windows|SQL|Visio|Dynamics)\b)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex BareMatcher();

    // After the degree: "Degree" or separators, then the field up to a year, a month, an institution or the line end.
    [GeneratedRegex(
        @"\G(?:\s+Degree)?\s*(?::+|,|\s-\s|\s+in\s|\s+of\s)\s*(?:the\s+)?(?<field>[\p{L}&][\p{L}&/' -]*?)\s*(?=$|\n|\d|\(|\bfrom\b|\bat\b|\bwith\b|\bminor\b|,|;|\s-\s|\s[-–—]|ï|\b(?:University|College|Institute|School|Academy|City|State)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 2000)]
    private static partial Regex FieldMatcher();

    private static readonly HashSet<string> GenericNamedDegrees = new(StringComparer.OrdinalIgnoreCase)
    {
        "Science", "Arts", "Art", "Applied Science", "Applied Arts", "Fine Arts", "Liberal Arts", "General Studies",
    };

    /// <summary>Every degree mention in text[start, start + length). Bare abbreviations only when <paramref name="educationSection"/>.</summary>
    public static IEnumerable<DegreeMention> Read(string text, int start, int length, bool educationSection)
    {
        var slice = text.Substring(start, length);
        var matches = StrictMatcher().Matches(slice).AsEnumerable();
        if (educationSection)
        {
            matches = matches.Concat(BareMatcher().Matches(slice));
        }

        foreach (var match in matches.OrderBy(m => m.Index))
        {
            var level = match.Groups["doc"].Success ? DegreeLevel.Doctorate
                : match.Groups["master"].Success ? DegreeLevel.Master
                : match.Groups["bachelor"].Success ? DegreeLevel.Bachelor
                : match.Groups["associate"].Success ? DegreeLevel.Associate
                : DegreeLevel.HighSchool;
            yield return new DegreeMention(level, ReadField(slice, match), start + match.Index);
        }
    }

    /// <summary>The highest level found and the field of the first mention at that level that names one.</summary>
    public static (DegreeLevel Level, string? Field) Highest(IEnumerable<DegreeMention> mentions)
    {
        var list = mentions.ToList();
        if (list.Count == 0)
        {
            return (DegreeLevel.None, null);
        }

        var level = list.Max(m => m.Level);
        var field = list.Where(m => m.Level == level).Select(m => m.Field).FirstOrDefault(f => f is not null);
        return (level, field);
    }

    private static string? ReadField(string slice, RegexMatch degree)
    {
        var named = degree.Groups["named"];
        string? namedField = null;
        if (named.Success && !GenericNamedDegrees.Contains(named.Value))
        {
            // "Master of Business Administration" names its field; "Bachelor of Science" does not.
            namedField = named.Value;
        }

        var after = FieldMatcher().Match(slice, degree.Index + degree.Length);
        if (after.Success)
        {
            var field = CleanField(after.Groups["field"].Value);
            if (field is not null)
            {
                return field;
            }
        }

        if (namedField is not null)
        {
            return namedField;
        }

        if (degree.Value.Contains("MBA", StringComparison.Ordinal) || degree.Value.Contains("M.B.A", StringComparison.Ordinal))
        {
            return "Business Administration";
        }

        return null;
    }

    private static string? CleanField(string raw)
    {
        var words = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return null;
        }

        // An all-capitals word after a mixed-case start is an institution's name ("Leadership Program ELIZABETHTOWN").
        var kept = words.Take(6).ToList();
        var cut = kept.FindIndex(1, w => w.Length >= 3 && w.All(char.IsUpper) && !kept[0].All(char.IsUpper));
        if (cut > 0)
        {
            kept.RemoveRange(cut, kept.Count - cut);
        }

        // The corpus often repeats the field after itself ("Political Science Political Science").
        if (kept.Count % 2 == 0 && kept.Count > 0
            && kept.Take(kept.Count / 2).SequenceEqual(kept.Skip(kept.Count / 2), StringComparer.OrdinalIgnoreCase))
        {
            kept.RemoveRange(kept.Count / 2, kept.Count / 2);
        }

        var field = string.Join(' ', kept).Trim(' ', '-', '/', '&', '\'');
        if (field.Length < 2 || field.Equals("Degree", StringComparison.OrdinalIgnoreCase)
            || field.Equals("Progress", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return field;
    }
}
