namespace Match.Data.Jobs;

/// <summary>Where a batch job is: waiting, being scored, or finished one of three ways.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>Whether the completion callback of a job is owed, delivered, or given up on.</summary>
public enum CallbackState
{
    None,
    Pending,
    Delivered,
    Failed,
}

/// <summary>One résumé of a job (a stored id, or inline text with the caller's label) and the roles to score it against.</summary>
public sealed record JobItem(int Index, long? ResumeId, string? Text, string? Ref, IReadOnlyList<long> RoleIds);

/// <summary>
/// What a job is asked to do: the items, scoring options as JSON (opaque to the store), an optional callback URL, and the public
/// id of the API key that submitted it (its audit rows name it).
/// </summary>
public sealed record JobSpec(IReadOnlyList<JobItem> Items, string OptionsJson, string? CallbackUrl, string? RequesterKeyId = null)
{
    /// <summary>Pairs to score: the sum over items of their role counts.</summary>
    public long Total => Items.Sum(i => (long)i.RoleIds.Count);
}

/// <summary>A stored job: state, progress (Done of Total pairs, Failed of them errors), callback bookkeeping and the submitting key's id.</summary>
public sealed record Job(
    long Id,
    JobState State,
    long Total,
    long Done,
    long Failed,
    string OptionsJson,
    string? ModelVersion,
    string? Error,
    string? CallbackUrl,
    CallbackState CallbackState,
    long CallbackAttempts,
    DateTimeOffset? CallbackDueAt,
    string? CallbackError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? RequesterKeyId = null)
{
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}

/// <summary>
/// The result of one (item, role) pair: a score in [0, 100] or an error, and the API's JSON for it (opaque to the store).
/// </summary>
public sealed record JobResult(int Item, long RoleId, long? ResumeId, double? Score, bool? MeetsAllMinimums, string ResultJson, string? Error);

/// <summary>One failed pair of a job.</summary>
public sealed record JobError(int Item, long RoleId, long? ResumeId, string Error);

/// <summary>One window of a job's results in (item, role) order, and how many there are in all.</summary>
public sealed record JobResultPage(IReadOnlyList<JobResult> Items, long Total);

/// <summary>What a cancel request found.</summary>
public enum CancelOutcome
{
    NotFound,
    Cancelled,
    AlreadyFinished,
}
