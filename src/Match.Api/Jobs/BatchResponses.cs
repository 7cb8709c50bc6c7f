using Match.Api.Scoring;
using Match.Data.Jobs;
using Match.Scoring.Matching;

namespace Match.Api.Jobs;

/// <summary>
/// The result of one (résumé item, role) pair: score in [0, 100], whether all minimums are met (knockOuts are the missing
/// ones' indexes), coverages in [0, 1], the model version, and with explain=true every requirement's verdict; or an error.
/// </summary>
public sealed record BatchResult(
    int Item,
    long RoleId,
    long? ResumeId,
    string? Ref,
    double? Score,
    bool? MeetsAllMinimums,
    IReadOnlyList<int>? KnockOuts,
    double? MinimumCoverage,
    double? PreferredCoverage,
    string? ModelVersion,
    IReadOnlyList<RequirementMatch>? Requirements,
    string? Error)
{
    public static BatchResult Scored(int item, long roleId, long? resumeId, string? reference, RoleScore score, bool explain)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new(item, roleId, resumeId, reference, score.Score, score.MeetsAllMinimums, score.KnockOuts, score.MinimumCoverage,
            score.PreferredCoverage, score.ModelVersion, explain ? score.Requirements : null, null);
    }

    public static BatchResult Failed(int item, long roleId, long? resumeId, string? reference, string error) =>
        new(item, roleId, resumeId, reference, null, null, null, null, null, null, null, error);
}

/// <summary>A batch answered at once: every pair's result in (item, role) order.</summary>
public sealed record BatchResponse(long Pairs, IReadOnlyList<BatchResult> Results);

/// <summary>One failed pair of a job.</summary>
public sealed record JobErrorResponse(int Item, long RoleId, long? ResumeId, string Error);

/// <summary>Whether the completion callback was delivered; the URL is the one given at submission.</summary>
public sealed record CallbackResponse(string Url, CallbackState State, long Attempts, DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>
/// A batch job: state (queued, running, succeeded, failed, cancelled), done of total pairs (failed of them errors), the first
/// errors, and where its results are.
/// </summary>
public sealed record JobResponse(
    long Id,
    JobState State,
    long Total,
    long Done,
    long Failed,
    string? ModelVersion,
    string? Error,
    IReadOnlyList<JobErrorResponse> Errors,
    CallbackResponse? Callback,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string Results)
{
    public static JobResponse From(Job job, IReadOnlyList<JobError> errors)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(errors);
        var callback = job.CallbackUrl is null
            ? null
            : new CallbackResponse(job.CallbackUrl, job.CallbackState, job.CallbackAttempts, job.CallbackState == CallbackState.Pending ? job.CallbackDueAt : null, job.CallbackError);
        return new(job.Id, job.State, job.Total, job.Done, job.Failed, job.ModelVersion, job.Error,
            [.. errors.Select(e => new JobErrorResponse(e.Item, e.RoleId, e.ResumeId, e.Error))],
            callback, job.CreatedAt, job.StartedAt, job.FinishedAt, $"/jobs/{job.Id}/results");
    }
}

/// <summary>One page of a job's results in (item, role) order; <c>total</c> counts the results written so far.</summary>
public sealed record JobResultsResponse(long JobId, JobState State, IReadOnlyList<BatchResult> Items, long Total, int Offset, int Limit);

/// <summary>Query of GET /jobs/{id}/results: at most 1,000 results a page.</summary>
public sealed record JobResultsQuery(int? Offset, int? Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

/// <summary>How a batch's pairs are scored (a job keeps it in its options column): weights (null = defaults) and whether to explain.</summary>
public sealed record BatchScoring(WeightsInput? Weights, bool Explain)
{
    public ScoreWeights? ScoreWeights => Weights?.ToWeights();

    /// <summary>Only default-weight scores are stored for ranking.</summary>
    public bool StoresScores => Weights is null || Weights.ToWeights() == Match.Scoring.Matching.ScoreWeights.Default;
}
