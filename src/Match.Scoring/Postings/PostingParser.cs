using System.Text;
using System.Text.RegularExpressions;
using Match.Scoring.Skills;

namespace Match.Scoring.Postings;

/// <summary>Turns a raw posting into a title, sections and atomic typed requirements. Thread-safe.</summary>
/// <remarks>
/// Stages: normalise line breaks and scraped-JSON debris → classify each line as heading or content → content under
/// a qualification heading goes through <see cref="RequirementAnalyzer"/> (splitting, noise, typing) → de-duplicate.
/// Job-board tag blocks after the posting proper: "Nice-to-have skills" are preferred skills (the heading says so);
/// "Languages" items are preferred language requirements, because the page lists them without saying they are
/// required and the posting's own qualifications do not ask for them; "Work experience" tags name job families
/// ("Fullstack", "IT Consultant"), not qualifications, so they yield nothing.
/// </remarks>
public sealed partial class PostingParser(SkillVocabulary skills)
{
    private const int TimeoutMs = 1000;
    private const int MaxTitleWords = 16;

    private readonly RequirementAnalyzer _analyzer = new(skills);

    /// <summary>Parses <paramref name="text"/>; <paramref name="title"/>, when given, wins over the title found in the text.</summary>
    public ParsedPosting Parse(string text, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Normalize(text).Split('\n');
        var sections = new List<PostingSection>();
        var requirements = new List<Requirement>();
        string? foundTitle = null;
        string? heading = null;
        var body = new StringBuilder();
        HeadingKind? kind = null;
        RequirementLevel? level = null;
        var sawQualificationHeading = false;
        var contentLines = 0;
        var inSkillsBlock = false;

        void CloseSection()
        {
            if (heading is not null)
            {
                sections.Add(new PostingSection(heading, body.ToString().TrimEnd()));
            }

            body.Clear();
        }

        foreach (var raw in lines)
        {
            var line = RequirementText.FoldWhitespace(raw);
            if (line.Length == 0)
            {
                continue;
            }

            var inline = SectionHeadings.Classify(line) is { } whole
                ? (Kind: whole, Heading: line, Content: null)
                : SectionHeadings.ClassifyInline(line) is { } part ? (part.Kind, part.Heading, part.Content) : ((HeadingKind Kind, string Heading, string? Content)?)null;
            if (inline is not null)
            {
                CloseSection();
                heading = TrimHeading(inline.Value.Heading);
                kind = inline.Value.Kind;
                level = LevelFor(kind.Value, level);
                inSkillsBlock = IsSkillsBlock(kind.Value, SectionHeadings.Normalize(heading), inSkillsBlock);
                sawQualificationHeading |= level is not null;
                if (inline.Value.Content is null)
                {
                    continue;
                }

                line = inline.Value.Content;
            }
            else if (foundTitle is null && contentLines == 0 && level is null && LooksLikeTitle(line))
            {
                foundTitle = RequirementText.Clean(line);
                continue;
            }

            body.Append(line).Append('\n');
            contentLines++;
            if (level is { } current)
            {
                // Under a "Languages" heading a bare "English" is a language; under "Skills" a bare "Linux" is a skill.
                var sectionLabel = kind == HeadingKind.Languages ? "languages" : inSkillsBlock ? "skills" : null;
                AddRequirements(current, line, sectionLabel, requirements);
            }
        }

        CloseSection();
        if (!sawQualificationHeading)
        {
            AddUnheadedRequirements(lines, requirements);
        }

        var chosenTitle = !string.IsNullOrWhiteSpace(title) ? RequirementText.FoldWhitespace(title) : foundTitle ?? "";
        return new ParsedPosting(chosenTitle, sections, Deduplicate(requirements));
    }

    private void AddRequirements(RequirementLevel level, string line, string? sectionLabel, List<Requirement> into)
    {
        foreach (var requirement in _analyzer.Analyze(level, line, sectionLabel))
        {
            // "Experience with Go is a plus" under a must-have heading is still a nice-to-have.
            into.Add(level == RequirementLevel.Minimum && PreferredMarker().IsMatch(requirement.Text)
                ? requirement with { Level = RequirementLevel.Preferred }
                : requirement);
        }
    }

    // Postings with no qualification heading at all (a pasted bare list): keep only lines worded as qualifications.
    private void AddUnheadedRequirements(string[] lines, List<Requirement> into)
    {
        foreach (var raw in lines)
        {
            var line = RequirementText.Clean(raw);
            if (line.Length is > 0 and <= 400 && QualificationOpening().IsMatch(line))
            {
                AddRequirements(RequirementLevel.Minimum, line, sectionLabel: null, into);
            }
        }
    }

    private static RequirementLevel? LevelFor(HeadingKind kind, RequirementLevel? current) => kind switch
    {
        HeadingKind.Minimum or HeadingKind.Skills => RequirementLevel.Minimum,
        HeadingKind.Preferred => RequirementLevel.Preferred,
        HeadingKind.Languages => current ?? RequirementLevel.Preferred,
        _ => null,
    };

    // "Skills" opens a block whose "Required" / "Nice to have" sub-lists are skills too; a qualifications heading ends it.
    private static bool IsSkillsBlock(HeadingKind kind, string heading, bool wasSkillsBlock) => kind switch
    {
        HeadingKind.Skills => true,
        HeadingKind.Minimum or HeadingKind.Preferred when heading.Contains("skill", StringComparison.Ordinal) => true,
        HeadingKind.Minimum or HeadingKind.Preferred => wasSkillsBlock && !heading.Contains("qualification", StringComparison.Ordinal)
            && !heading.Contains("requirement", StringComparison.Ordinal),
        HeadingKind.Languages => wasSkillsBlock,
        _ => false,
    };

    private static bool LooksLikeTitle(string line)
    {
        var clean = RequirementText.Clean(line);
        return clean.Length is > 1 and <= 150
            && clean.Split(' ').Length <= MaxTitleWords
            && clean.Any(char.IsLetter)
            && !clean.EndsWith('.')
            && !clean.EndsWith('?')
            && !PostingNoise.IsNoise(clean);
    }

    private static string TrimHeading(string heading) =>
        RequirementText.Clean(heading).TrimEnd(':', '-', '–', '—', '.', ' ').Trim('*', '#', '_', ' ');

    private static List<Requirement> Deduplicate(List<Requirement> requirements)
    {
        var kept = new List<Requirement>(requirements.Count);
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var requirement in requirements)
        {
            if (!index.TryGetValue(requirement.Text, out var at))
            {
                index[requirement.Text] = kept.Count;
                kept.Add(requirement);
            }
            else if (requirement.Level == RequirementLevel.Minimum && kept[at].Level == RequirementLevel.Preferred)
            {
                kept[at] = requirement;
            }
        }

        return kept;
    }

    private static string Normalize(string text)
    {
        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Replace("\\n", "\n", StringComparison.Ordinal).Replace('\u2028', '\n').Replace('\u2029', '\n');

        // ","responsibilities":"Lead … — the key becomes a heading line when it names a known section.
        return JsonKey().Replace(unified, m =>
        {
            var key = HumanizeKey(m.Groups["key"].Value);
            return m.Groups["text"].Success && SectionHeadings.Classify(key) is not null ? $"\n{key}\n" : "\n";
        });
    }

    private static string HumanizeKey(string key)
    {
        var builder = new StringBuilder(key.Length + 4);
        foreach (var c in key)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(c == '_' ? ' ' : c);
        }

        var words = builder.ToString().Trim();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex(@"""\s*,\s*""(?<key>[A-Za-z_][A-Za-z0-9_]{0,40})""\s*:\s*(?:(?<text>"")|null|true|false|-?\d+(?:\.\d+)?|\[\s*\]|\{\s*\})", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex JsonKey();

    [GeneratedRegex(@"\b(?:is|are|would\s+be|will\s+be|as)\s+(?:a\s+|an\s+)?(?:big\s+|strong\s+|definite\s+|huge\s+)?(?:plus|bonus|advantage|asset)\b|\(\s*(?:preferred|nice\s+to\s+have|a\s+plus|bonus|optional)\s*\)|,?\s*(?:preferred|preferably|desirable|desired|nice\s+to\s+have)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PreferredMarker();

    [GeneratedRegex(@"^(?:\d{1,2}\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs?)\b|(?:bachelor|master|ph\.?\s?d|degree|BA|BS|MS|MBA)\b|(?:proven\s+|demonstrated\s+|strong\s+|solid\s+|excellent\s+|hands-on\s+|prior\s+|previous\s+)?(?:experience|knowledge|proficiency|familiarity|understanding|expertise|ability|fluency)\s+(?:in|with|of|to|using|building|working|designing|developing|leading|managing)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex QualificationOpening();
}
