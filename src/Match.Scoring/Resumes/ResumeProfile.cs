using Match.Scoring.Postings;
using Match.Scoring.Skills;

namespace Match.Scoring.Resumes;

/// <summary>The kinds of résumé section the scorer distinguishes.</summary>
public enum SectionKind
{
    Header,
    Summary,
    Experience,
    Education,
    Skills,
    Certifications,
    Languages,
    Other,
}

/// <summary>A section of the résumé text: [Start, Start + Length) in character offsets of <see cref="ResumeProfile.Text"/>.</summary>
public sealed record ResumeSection(SectionKind Kind, string Heading, int Start, int Length);

/// <summary>A dated position; End is exclusive-month precision, IsCurrent when the text said "present"/"current".</summary>
public sealed record EmploymentPeriod(DateOnly Start, DateOnly End, bool IsCurrent, string? Title, int TextStart, int TextLength)
{
    /// <summary>Length of the period in years.</summary>
    public double Years => (End.DayNumber - Start.DayNumber) / 365.25;
}

/// <summary>Structure read from a résumé's clean text; offsets index into <see cref="Text"/>.</summary>
public sealed record ResumeProfile
{
    public required string Text { get; init; }
    public IReadOnlyList<ResumeSection> Sections { get; init; } = [];
    public IReadOnlyList<SkillMention> Skills { get; init; } = [];
    public IReadOnlyList<EmploymentPeriod> Periods { get; init; } = [];

    /// <summary>Years of experience with overlapping periods counted once, in years.</summary>
    public double TotalYears { get; init; }

    public DegreeLevel HighestDegree { get; init; }
    public string? DegreeField { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
}
