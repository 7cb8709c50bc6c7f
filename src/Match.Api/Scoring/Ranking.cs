using System.Collections.Concurrent;
using Match.Api.Audit;
using Match.Api.Model;
using Match.Data.Audit;
using Match.Data.Roles;
using Match.Data.Scores;
using Match.Scoring.Matching;

namespace Match.Api.Scoring;

/// <summary>
/// Ranks both ways from stored scores. Before reading, it scores only the pairs whose stored score is missing or stale (the
/// role, the résumé or the model changed since), with default weights, and stores them; each stored chunk is audited in one
/// write under the key that asked.
/// </summary>
public sealed class Ranking(
    ModelHost models, PreparedCache prepared, ScoreStore scores, RoleStore roles, IStoredResumes resumes, IAuditLog audit, TimeProvider clock)
{
    private const int WriteChunk = 500;
    private const string RankAction = "rankScore";

    /// <summary>
    /// Stored résumés ranked for <paramref name="role"/>, and how many scores had to be computed first (audited under
    /// <paramref name="keyId"/>, the public id of the key that asked).
    /// </summary>
    public async Task<(RankingPage Page, string ModelVersion, int Recomputed)> ResumesForRoleAsync(
        Role role, RankingQuery query, string? keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        var model = await models.GetAsync(cancellationToken);
        var stale = await scores.StaleResumesForRoleAsync(role.Id, role.Version, model.Version, cancellationToken);
        if (stale.Count > 0)
        {
            var preparedRole = prepared.Role(model, role);
            await ScoreAndStoreAsync(stale, async (target, ct) =>
            {
                var resume = await resumes.GetAsync(target.Id, ct);
                return resume is null ? null : Recomputed(model, role, resume, model.Score(preparedRole, prepared.Resume(model, resume)), keyId);
            }, cancellationToken);
        }

        var page = await scores.RankResumesAsync(role.Id, role.Version, model.Version, query, cancellationToken);
        return (page, model.Version, stale.Count);
    }

    /// <summary>
    /// Open roles ranked for <paramref name="resume"/>, and how many scores had to be computed first (audited under
    /// <paramref name="keyId"/>, the public id of the key that asked).
    /// </summary>
    public async Task<(RankingPage Page, string ModelVersion, int Recomputed)> RolesForResumeAsync(
        ScoringResume resume, RankingQuery query, string? keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resume);
        var model = await models.GetAsync(cancellationToken);
        var stale = await scores.StaleRolesForResumeAsync(resume.Id, resume.Version, model.Version, cancellationToken);
        if (stale.Count > 0)
        {
            var preparedResume = prepared.Resume(model, resume);
            await ScoreAndStoreAsync(stale, async (target, ct) =>
            {
                var role = await roles.GetAsync(target.Id, ct);
                return role is null ? null : Recomputed(model, role, resume, model.Score(prepared.Role(model, role), preparedResume), keyId);
            }, cancellationToken);
        }

        var page = await scores.RankRolesAsync(resume.Id, resume.Version, model.Version, query, cancellationToken);
        return (page, model.Version, stale.Count);
    }

    /// <summary>The row stored for a default-weight score of one pair.</summary>
    public StoredScore Stored(MatchModel model, long roleId, long roleVersion, long resumeId, long resumeVersion, RoleScore score)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(score);
        return new StoredScore(roleId, resumeId, model.Version, roleVersion, resumeVersion, score.Score, score.MeetsAllMinimums, score.KnockOuts,
            score.MinimumCoverage, score.PreferredCoverage, clock.GetUtcNow());
    }

    private (StoredScore Stored, AuditEntry Audit) Recomputed(MatchModel model, Role role, ScoringResume resume, RoleScore score, string? keyId) => (
        Stored(model, role.Id, role.Version, resume.Id, resume.Version, score),
        ScoreAudit.Pair(keyId, RankAction, role.Id, role.RequirementsHash, resume.Id, ScoreAudit.StoredResume(resume.Id, resume.Version), score.ModelVersion,
            score.Score, score.MeetsAllMinimums));

    // Scores on every core, writing every WriteChunk results in one transaction, then their audit rows in one more; a target deleted
    // meanwhile is skipped.
    private async Task ScoreAndStoreAsync(
        IReadOnlyList<StaleTarget> stale, Func<StaleTarget, CancellationToken, Task<(StoredScore Stored, AuditEntry Audit)?>> score, CancellationToken cancellationToken)
    {
        foreach (var chunk in stale.Chunk(WriteChunk))
        {
            var results = new ConcurrentBag<(StoredScore Stored, AuditEntry Audit)>();
            await Parallel.ForEachAsync(
                chunk,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                async (target, ct) =>
                {
                    if (await score(target, ct) is { } stored)
                    {
                        results.Add(stored);
                    }
                });
            await scores.UpsertAsync([.. results.Select(r => r.Stored)], cancellationToken);
            await audit.RecordScoresAsync([.. results.Select(r => r.Audit)], CancellationToken.None);
        }
    }
}
