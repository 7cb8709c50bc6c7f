using Match.Data.Resumes;
using Match.Scoring.Resumes;

namespace Match.Api.Scoring;

/// <summary>A stored résumé as scoring needs it: id, version (for staleness and caching) and its analysed profile.</summary>
public sealed record ScoringResume(long Id, long Version, string? ExternalId, ResumeProfile Profile);

/// <summary>Where scoring reads stored résumés from.</summary>
public interface IStoredResumes
{
    /// <summary>The résumé, or null when there is none with this id.</summary>
    Task<ScoringResume?> GetAsync(long id, CancellationToken cancellationToken);
}

/// <summary>Stored résumés read through <see cref="ResumeStore"/>.</summary>
public sealed class StoredResumes(ResumeStore store) : IStoredResumes
{
    public async Task<ScoringResume?> GetAsync(long id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } resume
            ? new ScoringResume(resume.Id, resume.Version, resume.ExternalId, resume.Content.Profile)
            : null;
}
