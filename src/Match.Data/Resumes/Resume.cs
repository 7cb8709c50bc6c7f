using Match.Scoring.Resumes;
using Match.Scoring.Resumes.Extraction;

namespace Match.Data.Resumes;

/// <summary>Who the résumé belongs to, as the ATS sent it; every member optional.</summary>
public sealed record CandidateInfo(string? Name = null, string? Email = null, string? Phone = null, string? Location = null)
{
    public static readonly CandidateInfo None = new();
}

/// <summary>What a write stores for a résumé: the text and structure read from the file, and where it came from.</summary>
/// <param name="ContentHash">Lower-case hex SHA-256 of the uploaded bytes.</param>
/// <param name="Format">Format detected from the file's content.</param>
/// <param name="FileName">The uploaded file's name, when there was one.</param>
/// <param name="Candidate">Candidate metadata sent with the file.</param>
/// <param name="Profile">Structure read from the text; <see cref="ResumeProfile.Text"/> is the stored text.</param>
/// <param name="Redacted">True when contact details were masked before analysis and storage.</param>
public sealed record ResumeContent(
    string ContentHash,
    ResumeFormat Format,
    string? FileName,
    CandidateInfo Candidate,
    ResumeProfile Profile,
    bool Redacted);

/// <summary>A stored résumé. <see cref="Version"/> starts at 1 and grows by 1 on every change.</summary>
public sealed record Resume(
    long Id,
    string? ExternalId,
    ResumeContent Content,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A résumé as listed: no text.</summary>
public sealed record ResumeSummary(
    long Id,
    string? ExternalId,
    ResumeFormat Format,
    string? FileName,
    string? CandidateName,
    long Version,
    DateTimeOffset UpdatedAt);

/// <summary>Window of a résumé listing, newest first.</summary>
public sealed record ResumeQuery(string? ExternalId = null, int Offset = 0, int Limit = 20);

/// <summary>One window of a résumé listing and how many résumés match in all.</summary>
public sealed record ResumePage(IReadOnlyList<ResumeSummary> Items, long Total);

/// <summary>What a résumé write did.</summary>
public enum ResumeWriteOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>The same file was already stored; nothing was written.</summary>
    Duplicate,
}
