using System.Text.RegularExpressions;
using Match.Scoring.Skills;

namespace Match.Scoring.Postings;

/// <summary>Splits one qualification line or clause into atomic requirements and types each (category and attributes). Thread-safe.</summary>
public sealed partial class RequirementAnalyzer(SkillVocabulary skills)
{
    private const int TimeoutMs = 1000;

    /// <summary>The atomic requirements in <paramref name="text"/>, all at <paramref name="level"/>; empty for noise or blank text.</summary>
    public IReadOnlyList<Requirement> Analyze(RequirementLevel level, string text) => Analyze(level, text, sectionLabel: null);

    /// <summary>As <see cref="Analyze(RequirementLevel, string)"/>, with the kind of block the text sits in ("skills", "languages") as a typing hint.</summary>
    internal IReadOnlyList<Requirement> Analyze(RequirementLevel level, string text, string? sectionLabel)
    {
        ArgumentNullException.ThrowIfNull(text);
        var requirements = new List<Requirement>();
        foreach (var line in text.Split('\n'))
        {
            AnalyzeLine(level, line, sectionLabel, requirements);
        }

        return requirements;
    }

    /// <summary>Types one atomic requirement text (already split) without splitting it further.</summary>
    public Requirement Type(RequirementLevel level, string atomicText, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(atomicText);
        var text = atomicText.Trim();
        var (years, yearsOf) = RequirementFacts.Years(text);
        var degree = RequirementFacts.Degree(text);
        var languages = RequirementFacts.Languages(text);
        var speaksLanguage = languages.Count > 0 && (RequirementFacts.IsAboutLanguage(text, label) || IsBareLanguageList(text, languages));
        var certifications = RequirementFacts.MentionsCertification(text) ? RequirementFacts.Certifications(text) : [];
        var named = skills.FindSkills(text).Select(s => s.Canonical).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

        var attributes = new RequirementAttributes
        {
            MinYears = years,
            YearsOf = yearsOf,
            Degree = degree,
            DegreeFields = degree is null ? [] : RequirementFacts.DegreeFields(text),
            EquivalentExperienceAccepted = degree is not null && RequirementFacts.EquivalentExperienceAccepted(text),
            Skills = named,
            Languages = speaksLanguage ? languages : [],
            Certifications = certifications,
        };

        var category =
            speaksLanguage ? RequirementCategory.Language
            : degree is not null ? RequirementCategory.Education
            : certifications.Count > 0 ? RequirementCategory.Certification
            : years is not null ? RequirementCategory.Experience
            : named.Length > 0 ? RequirementCategory.Skill
            : ExperienceWord().IsMatch(text) ? RequirementCategory.Experience
            : SkillWord().IsMatch(text) || (label?.Contains("skill", StringComparison.Ordinal) ?? false) ? RequirementCategory.Skill
            : RequirementCategory.Other;

        return new Requirement(level, category, text, attributes);
    }

    private void AnalyzeLine(RequirementLevel level, string line, string? sectionLabel, List<Requirement> into)
    {
        var text = RequirementText.Clean(line);
        if (text.Length == 0 || PostingNoise.IsNoise(text))
        {
            return;
        }

        var ownLabel = RequirementText.StripLabel(ref text);
        var label = ownLabel ?? sectionLabel;
        var clauses = RequirementText.SplitSentences(text);

        // "Tools: Python, SQL, Tableau" — a labelled bare list is one requirement per item.
        if (ownLabel is not null && clauses.Count == 1 && BareList(clauses[0]) is { } items)
        {
            clauses = items;
        }

        foreach (var clause in clauses)
        {
            foreach (var atomic in RequirementText.SplitCompound(clause))
            {
                if (!PostingNoise.IsNoise(atomic))
                {
                    into.Add(Type(level, atomic, label));
                }
            }
        }
    }

    private static List<string>? BareList(string clause)
    {
        var items = clause.Split([',', ';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(i => RequirementText.Tidy(BareListLead().Replace(i, "")))
            .Where(i => i.Length > 0)
            .ToList();
        return items.Count >= 2 && items.All(i => i.Split(' ').Length <= 4) ? items : null;
    }

    private static bool IsBareLanguageList(string text, IReadOnlyList<string> languages)
    {
        var rest = text;
        foreach (var language in languages)
        {
            rest = rest.Replace(language, "", StringComparison.Ordinal);
        }

        return !BareListLead().Replace(rest, "").Any(char.IsLetter);
    }

    [GeneratedRegex(@"\bexperience[ds]?\b|\bbackground\s+in\b|\btrack\s+record\b|\bhistory\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ExperienceWord();

    [GeneratedRegex(@"\bskill|\bknowledge\b|\bproficien|\bfluen|\bfamiliar|\bunderstanding\b|\bexpertise\b|\bgrasp\b|\babilit|\bable\s+to\b|\bcapacity\b|\bcapable\b|\bcompeten|\bcommand\s+of\b|\bmastery\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SkillWord();

    [GeneratedRegex(@"^(?:(?:and|or|and/or)\b\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex BareListLead();
}
