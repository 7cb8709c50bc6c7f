using System.Collections.Concurrent;
using Match.Api.Scoring;
using Match.Data.Jobs;
using Match.Data.Roles;
using Match.Data.Scores;
using Match.Scoring.Matching;
using Match.Scoring.Resumes;

namespace Match.Api.Jobs;

/// <summary>Roles of a batch prepared by one model; a role that no longer exists is absent.</summary>
public sealed record BatchRoles(MatchModel Model, IReadOnlyDictionary<long, (Role Role, PreparedRole Prepared)> Roles);

/// <summary>
/// Scores batch items (a résumé against its roles) on every core, for the synchronous answer and for jobs alike. Each résumé
/// is read and prepared once per item; default-weight scores of stored résumés are also stored for ranking.
/// </summary>
public sealed class BatchScorer(PreparedCache prepared, RoleStore roles, IStoredResumes resumes, ResumeAnalyzer analyzer, ScoreStore scores, Ranking ranking)
{
    public async Task<BatchRoles> PrepareRolesAsync(MatchModel model, IEnumerable<long> roleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var found = new ConcurrentDictionary<long, (Role, PreparedRole)>();
        await Parallel.ForEachAsync(
            roleIds.Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                if (await roles.GetAsync(id, ct) is { } role)
                {
                    found[id] = (role, prepared.Role(model, role));
                }
            });
        return new BatchRoles(model, found);
    }

    /// <summary>Scores every item against its roles in parallel, handing each item's results to <paramref name="onItem"/> as they are ready.</summary>
    public async Task ScoreAsync(
        BatchRoles batchRoles,
        IReadOnlyList<JobItem> items,
        BatchScoring scoring,
        Func<IReadOnlyList<BatchResult>, ValueTask> onItem,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batchRoles);
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(onItem);
        var stored = new ConcurrentBag<StoredScore>();
        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (item, ct) => await onItem(await ScoreItemAsync(batchRoles, item, scoring, stored, ct)));
        if (scoring.StoresScores)
        {
            await scores.UpsertAsync(stored, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<BatchResult>> ScoreItemAsync(
        BatchRoles batchRoles, JobItem item, BatchScoring scoring, ConcurrentBag<StoredScore> stored, CancellationToken cancellationToken)
    {
        var model = batchRoles.Model;
        PreparedResume resume;
        ScoringResume? storedResume = null;
        if (item.ResumeId is { } resumeId)
        {
            storedResume = await resumes.GetAsync(resumeId, cancellationToken);
            if (storedResume is null)
            {
                return [.. item.RoleIds.Select(r => BatchResult.Failed(item.Index, r, resumeId, item.Ref, $"résumé {resumeId} not found"))];
            }

            // Prepared once for this batch, not kept: a job's thousands of résumés would push everything else out of the cache.
            resume = prepared.Resume(model, storedResume, keep: false);
        }
        else if (item.Text is { } text)
        {
            resume = model.Prepare(analyzer.Analyze(text));
        }
        else
        {
            return [.. item.RoleIds.Select(r => BatchResult.Failed(item.Index, r, null, item.Ref, "the item's text was erased when its job ended"))];
        }

        var results = new List<BatchResult>(item.RoleIds.Count);
        foreach (var roleId in item.RoleIds)
        {
            if (!batchRoles.Roles.TryGetValue(roleId, out var role))
            {
                results.Add(BatchResult.Failed(item.Index, roleId, item.ResumeId, item.Ref, $"role {roleId} not found"));
                continue;
            }

            var score = model.Score(role.Prepared, resume, scoring.ScoreWeights);
            results.Add(BatchResult.Scored(item.Index, roleId, item.ResumeId, item.Ref, score, scoring.Explain));
            if (storedResume is not null)
            {
                stored.Add(ranking.Stored(model, roleId, role.Role.Version, storedResume.Id, storedResume.Version, score));
            }
        }

        return results;
    }
}
