using Match.Data.Resumes;
using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Resumes.Extraction;

namespace Match.Api.Resumes;

/// <summary>A section of the stored text: [start, start + length) in characters.</summary>
public sealed record SectionResponse(SectionKind Kind, string Heading, int Start, int Length);

/// <summary>A dated position; end is exclusive, and for a current position it is the day the résumé was read.</summary>
public sealed record PeriodResponse(DateOnly Start, DateOnly End, bool IsCurrent, string? Title, double Years);

/// <summary>A skill found in the text and where each mention stands.</summary>
public sealed record SkillResponse(string Name, IReadOnlyList<int> Offsets);

/// <summary>The structure read from the text; offsets index the text served by GET /resumes/{id}/text.</summary>
public sealed record ProfileResponse(
    IReadOnlyList<SectionResponse> Sections,
    IReadOnlyList<SkillResponse> Skills,
    IReadOnlyList<PeriodResponse> Periods,
    double TotalYears,
    DegreeLevel HighestDegree,
    string? DegreeField,
    IReadOnlyList<string> Languages);

/// <summary>The extracted view of a stored résumé: metadata and structure (the text itself is at /resumes/{id}/text).</summary>
public sealed record ResumeResponse(
    long Id,
    string? ExternalId,
    ResumeFormat Format,
    string? FileName,
    string ContentHash,
    CandidateInfo Candidate,
    bool Redacted,
    int TextLength,
    ProfileResponse Profile,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ResumeResponse From(Resume resume)
    {
        ArgumentNullException.ThrowIfNull(resume);
        var content = resume.Content;
        var profile = content.Profile;
        return new ResumeResponse(
            resume.Id,
            resume.ExternalId,
            content.Format,
            content.FileName,
            content.ContentHash,
            content.Candidate,
            content.Redacted,
            profile.Text.Length,
            new ProfileResponse(
                [.. profile.Sections.Select(s => new SectionResponse(s.Kind, s.Heading, s.Start, s.Length))],
                [.. profile.Skills.GroupBy(s => s.Canonical, StringComparer.Ordinal).Select(g => new SkillResponse(g.Key, [.. g.Select(m => m.Start)]))],
                [.. profile.Periods.Select(p => new PeriodResponse(p.Start, p.End, p.IsCurrent, p.Title, Math.Round(p.Years, 2)))],
                profile.TotalYears,
                profile.HighestDegree,
                profile.DegreeField,
                profile.Languages),
            resume.Version,
            resume.CreatedAt,
            resume.UpdatedAt);
    }
}

/// <summary>One window of GET /resumes.</summary>
public sealed record ResumeListResponse(IReadOnlyList<ResumeSummary> Items, long Total, int Offset, int Limit);
