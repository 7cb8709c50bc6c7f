using Match.Scoring.Skills;

namespace Match.Scoring.Resumes;

/// <summary>Reads a <see cref="ResumeProfile"/> (sections, skills, dated periods, years, highest degree, languages) from résumé text. Thread-safe.</summary>
public sealed class ResumeAnalyzer
{
    private readonly SkillVocabulary _skills;
    private readonly TimeProvider _clock;

    public ResumeAnalyzer(SkillVocabulary skills, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(clock);
        _skills = skills;
        _clock = clock;
    }

    /// <summary>Normalises <paramref name="text"/> with <see cref="ResumeText.Normalize"/> and reads its structure; offsets index the normalised text.</summary>
    public ResumeProfile Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = ResumeText.Normalize(text);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var sections = SectionSplitter.Split(clean);

        var periods = ReadPeriods(clean, sections, today);
        var (degree, field) = DegreeReader.Highest(ReadDegrees(clean, sections));

        return new ResumeProfile
        {
            Text = clean,
            Sections = sections,
            Skills = _skills.FindSkills(clean),
            Periods = periods,
            TotalYears = EmploymentPeriodReader.TotalYears(periods),
            HighestDegree = degree,
            DegreeField = field,
            Languages = ReadLanguages(clean, sections),
        };
    }

    // Work years come from Experience sections when the résumé has any, else from everything but education and credentials.
    private static List<EmploymentPeriod> ReadPeriods(string text, IReadOnlyList<ResumeSection> sections, DateOnly today)
    {
        var hasExperience = sections.Any(s => s.Kind == SectionKind.Experience);
        var sources = sections.Where(s => hasExperience
            ? s.Kind == SectionKind.Experience
            : s.Kind is not (SectionKind.Education or SectionKind.Certifications));
        return sources.SelectMany(s => EmploymentPeriodReader.Read(text, s.Start, s.Length, today)).ToList();
    }

    // Degrees are read from Education sections when present (where bare "BS"/"MA" are trusted), else from the whole text.
    private static IEnumerable<DegreeReader.DegreeMention> ReadDegrees(string text, IReadOnlyList<ResumeSection> sections)
    {
        var education = sections.Where(s => s.Kind == SectionKind.Education).ToList();
        if (education.Count > 0)
        {
            var inEducation = education.SelectMany(s => DegreeReader.Read(text, s.Start, s.Length, educationSection: true)).ToList();
            if (inEducation.Count > 0)
            {
                return inEducation;
            }
        }

        return DegreeReader.Read(text, 0, text.Length, educationSection: false);
    }

    private static List<string> ReadLanguages(string text, IReadOnlyList<ResumeSection> sections)
    {
        var found = new List<string>();
        foreach (var section in sections.Where(s => s.Kind == SectionKind.Languages))
        {
            found.AddRange(LanguageReader.ReadSection(text, section.Start, section.Length));
        }

        // A degree's subject ("BA : English", "English as a second language" coursework) is not a statement of speaking it.
        foreach (var section in sections.Where(s => s.Kind != SectionKind.Education))
        {
            found.AddRange(LanguageReader.ReadStatements(text, section.Start, section.Length));
        }

        return found.Distinct(StringComparer.Ordinal).ToList();
    }
}
