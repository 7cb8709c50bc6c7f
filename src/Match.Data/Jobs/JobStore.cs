using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Match.Data.Jobs;

/// <summary>
/// Batch jobs, their items and results in SQLite. Results are appended per chunk in one transaction with a unique
/// (job, item, role) key, so a job resumed after a crash ends with exactly one result per pair.
/// </summary>
public sealed class JobStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const string JobColumns = """
        id AS Id, state AS State, total AS Total, done AS Done, failed AS Failed, options AS OptionsJson, model_version AS ModelVersion,
        error AS Error, callback_url AS CallbackUrl, callback_state AS CallbackState, callback_attempts AS CallbackAttempts,
        callback_due_at AS CallbackDueAt, callback_error AS CallbackError, created_at AS CreatedAt, started_at AS StartedAt,
        finished_at AS FinishedAt, requester_key_id AS RequesterKeyId
        """;

    /// <summary>Stores a queued job with all its items in one transaction.</summary>
    public async Task<Job> CreateAsync(JobSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        const string jobSql = """
            INSERT INTO jobs (state, total, options, callback_url, requester_key_id, created_at)
            VALUES ('queued', @Total, @OptionsJson, @CallbackUrl, @RequesterKeyId, @Now)
            RETURNING id;
            """;
        const string itemSql = """
            INSERT INTO job_items (job_id, item_index, resume_id, text, ref, role_ids)
            VALUES (@JobId, @Index, @ResumeId, @Text, @Ref, @RoleIds);
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            jobSql, new { spec.Total, spec.OptionsJson, spec.CallbackUrl, spec.RequesterKeyId, Now = Now() }, transaction, cancellationToken: cancellationToken));
        var items = spec.Items.Select(i => new { JobId = id, i.Index, i.ResumeId, i.Text, i.Ref, RoleIds = StoredJson.Serialize(i.RoleIds) });
        await connection.ExecuteAsync(new CommandDefinition(itemSql, items, transaction, cancellationToken: cancellationToken));
        var job = await ReadAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job!;
    }

    /// <summary>Which of the given role and résumé ids do not exist, ascending.</summary>
    public async Task<(IReadOnlyList<long> Roles, IReadOnlyList<long> Resumes)> MissingAsync(
        IEnumerable<long> roleIds, IEnumerable<long> resumeIds, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT DISTINCT value FROM json_each(@RoleIds) WHERE value NOT IN (SELECT id FROM roles) ORDER BY value;
            SELECT DISTINCT value FROM json_each(@ResumeIds) WHERE value NOT IN (SELECT id FROM resumes) ORDER BY value;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            sql,
            new { RoleIds = StoredJson.Serialize(roleIds.Distinct()), ResumeIds = StoredJson.Serialize(resumeIds.Distinct()) },
            cancellationToken: cancellationToken));
        var roles = (await results.ReadAsync<long>()).ToList();
        var resumes = (await results.ReadAsync<long>()).ToList();
        return (roles, resumes);
    }

    public async Task<Job?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, id, cancellationToken);
    }

    /// <summary>The first <paramref name="limit"/> failed pairs of a job, in (item, role) order.</summary>
    public async Task<IReadOnlyList<JobError>> ErrorsAsync(long id, int limit, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT item_index AS Item, role_id AS RoleId, resume_id AS ResumeId, error AS Error
            FROM job_results WHERE job_id = @Id AND error IS NOT NULL
            ORDER BY item_index, role_id LIMIT @Limit;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ErrorRow>(new CommandDefinition(sql, new { Id = id, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new JobError(checked((int)r.Item), r.RoleId, r.ResumeId, r.Error))];
    }

    /// <summary>
    /// Marks the oldest claimable job running, leased to the caller for <paramref name="lease"/>, and returns it; null when there is
    /// none. A queued job is claimable, and so is a running one whose lease ran out (its process died): that is what resumes it.
    /// </summary>
    public async Task<Job?> ClaimNextAsync(TimeSpan lease, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE jobs SET state = 'running', started_at = COALESCE(started_at, @Now), lease_until = @LeaseUntil
            WHERE id = (
                SELECT id FROM jobs
                WHERE state = 'queued' OR (state = 'running' AND (lease_until IS NULL OR lease_until < @Now))
                ORDER BY id LIMIT 1)
            RETURNING id;
            """;
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            sql, new { Now = Format(now), LeaseUntil = Format(now + lease) }, transaction, cancellationToken: cancellationToken));
        var job = id is null ? null : await ReadAsync(connection, transaction, id.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job;
    }

    public async Task<IReadOnlyList<JobItem>> ItemsAsync(long id, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT item_index AS ItemIndex, resume_id AS ResumeId, text AS Text, ref AS Ref, role_ids AS RoleIds
            FROM job_items WHERE job_id = @Id ORDER BY item_index;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new JobItem(checked((int)r.ItemIndex), r.ResumeId, r.Text, r.Ref, StoredJson.Deserialize<long[]>(r.RoleIds)))];
    }

    /// <summary>The (item, role) pairs that already have a result.</summary>
    public async Task<IReadOnlySet<(int Item, long RoleId)>> DonePairsAsync(long id, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT item_index AS Item, role_id AS RoleId FROM job_results WHERE job_id = @Id;";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PairRow>(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken));
        return rows.Select(r => (checked((int)r.Item), r.RoleId)).ToHashSet();
    }

    /// <summary>
    /// Appends one chunk of results in one transaction and advances the job's counters by the rows actually written (a pair
    /// already stored is skipped), renewing the caller's lease for <paramref name="lease"/>. Writes nothing and returns false when the
    /// job is no longer running (cancelled meanwhile).
    /// </summary>
    public async Task<bool> AppendResultsAsync(
        long id, IReadOnlyCollection<JobResult> results, string modelVersion, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string insertSql = """
            INSERT INTO job_results (job_id, item_index, role_id, resume_id, score, meets_minimums, result, error)
            SELECT @JobId, @Item, @RoleId, @ResumeId, @Score, @MeetsAllMinimums, @ResultJson, @Error
            WHERE @ResumeId IS NULL OR EXISTS (SELECT 1 FROM resumes WHERE id = @ResumeId)
            ON CONFLICT (job_id, item_index, role_id) DO NOTHING;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var state = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT state FROM jobs WHERE id = @Id;", new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (state != "running")
        {
            return false;
        }

        long written = 0, failed = 0;
        foreach (var result in results)
        {
            // A résumé erased while its job ran leaves an error in its place rather than a row that would resurrect its id.
            var row = result.ResumeId is null || result.Error is null ? result : result with { ResumeId = null };
            var count = await connection.ExecuteAsync(new CommandDefinition(insertSql, new
            {
                JobId = id,
                row.Item,
                row.RoleId,
                row.ResumeId,
                row.Score,
                MeetsAllMinimums = row.MeetsAllMinimums is { } meets ? (meets ? 1 : 0) : (int?)null,
                row.ResultJson,
                row.Error,
            }, transaction, cancellationToken: cancellationToken));
            written += count;
            failed += row.Error is null ? 0 : count;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET done = done + @Written, failed = failed + @Failed, model_version = @ModelVersion, lease_until = @LeaseUntil WHERE id = @Id;",
            new { Id = id, Written = written, Failed = failed, ModelVersion = modelVersion, LeaseUntil = Format(clock.GetUtcNow() + lease) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Ends a running job in <paramref name="state"/>, erases its inline résumé texts, and makes its callback due now when it has
    /// one. False (and nothing changed) when the job was not running.
    /// </summary>
    public async Task<bool> FinishAsync(long id, JobState state, string? error = null, CancellationToken cancellationToken = default)
    {
        if (state is not (JobState.Succeeded or JobState.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "a job finishes as succeeded or failed; cancelling is CancelAsync");
        }

        const string sql = """
            UPDATE jobs SET state = @State, error = @Error, finished_at = @Now, lease_until = NULL,
                callback_state = CASE WHEN callback_url IS NULL THEN 'none' ELSE 'pending' END,
                callback_due_at = CASE WHEN callback_url IS NULL THEN NULL ELSE @Now END
            WHERE id = @Id AND state = 'running';
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            sql, new { Id = id, State = StoredJson.Name(state), Error = error, Now = Now() }, transaction, cancellationToken: cancellationToken)) > 0;
        if (changed)
        {
            await EraseInlineTextAsync(connection, transaction, id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Cancels a queued or running job (its results so far stay readable, its inline texts are erased, its callback is owed).</summary>
    public async Task<(CancelOutcome Outcome, Job? Job)> CancelAsync(long id, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE jobs SET state = 'cancelled', finished_at = @Now, lease_until = NULL,
                callback_state = CASE WHEN callback_url IS NULL THEN 'none' ELSE 'pending' END,
                callback_due_at = CASE WHEN callback_url IS NULL THEN NULL ELSE @Now END
            WHERE id = @Id AND state IN ('queued', 'running');
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = id, Now = Now() }, transaction, cancellationToken: cancellationToken)) > 0;
        if (changed)
        {
            await EraseInlineTextAsync(connection, transaction, id, cancellationToken);
        }

        var job = await ReadAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job is null ? (CancelOutcome.NotFound, null) : (changed ? CancelOutcome.Cancelled : CancelOutcome.AlreadyFinished, job);
    }

    /// <summary>A window of a job's results in (item, role) order.</summary>
    public async Task<JobResultPage> ResultsAsync(long id, int offset, int limit, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT item_index AS Item, role_id AS RoleId, resume_id AS ResumeId, score AS Score, meets_minimums AS MeetsAllMinimums,
                   result AS ResultJson, error AS Error
            FROM job_results WHERE job_id = @Id
            ORDER BY item_index, role_id
            LIMIT @Limit OFFSET @Offset;
            SELECT COUNT(*) FROM job_results WHERE job_id = @Id;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            sql, new { Id = id, Offset = offset, Limit = limit }, cancellationToken: cancellationToken));
        var rows = await results.ReadAsync<ResultRow>();
        var total = await results.ReadSingleAsync<long>();
        return new JobResultPage(
            [.. rows.Select(r => new JobResult(checked((int)r.Item), r.RoleId, r.ResumeId, r.Score, r.MeetsAllMinimums is { } m ? m != 0 : null, r.ResultJson ?? "{}", r.Error))],
            total);
    }

    /// <summary>Finished jobs whose callback is pending and due at or before now, oldest first.</summary>
    public async Task<IReadOnlyList<Job>> DueCallbacksAsync(int limit, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            SELECT {JobColumns} FROM jobs
            WHERE callback_state = 'pending' AND callback_due_at <= @Now
            ORDER BY callback_due_at LIMIT @Limit;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(sql, new { Now = Now(), Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToJob)];
    }

    /// <summary>Records one delivery attempt: delivered, given up (failed), or pending again at <paramref name="nextDueAt"/>.</summary>
    public async Task RecordCallbackAttemptAsync(
        long id, CallbackState state, DateTimeOffset? nextDueAt, string? error, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE jobs SET callback_state = @State, callback_attempts = callback_attempts + 1, callback_due_at = @DueAt, callback_error = @Error
            WHERE id = @Id;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { Id = id, State = StoredJson.Name(state), DueAt = nextDueAt is { } due ? Format(due) : null, Error = error }, cancellationToken: cancellationToken));
    }

    private static async Task EraseInlineTextAsync(SqliteConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_items SET text = NULL WHERE job_id = @Id AND text IS NOT NULL;", new { Id = id }, transaction, cancellationToken: cancellationToken));

    private static async Task<Job?> ReadAsync(SqliteConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {JobColumns} FROM jobs WHERE id = @Id;";
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(sql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : ToJob(row);
    }

    private static Job ToJob(JobRow r) => new(
        r.Id,
        StoredJson.ParseName<JobState>(r.State),
        r.Total,
        r.Done,
        r.Failed,
        r.OptionsJson,
        r.ModelVersion,
        r.Error,
        r.CallbackUrl,
        StoredJson.ParseName<CallbackState>(r.CallbackState),
        r.CallbackAttempts,
        ParseTime(r.CallbackDueAt),
        r.CallbackError,
        ParseTime(r.CreatedAt)!.Value,
        ParseTime(r.StartedAt),
        ParseTime(r.FinishedAt),
        r.RequesterKeyId);

    private string Now() => Format(clock.GetUtcNow());

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private sealed class JobRow
    {
        public long Id { get; init; }
        public string State { get; init; } = "";
        public long Total { get; init; }
        public long Done { get; init; }
        public long Failed { get; init; }
        public string OptionsJson { get; init; } = "{}";
        public string? ModelVersion { get; init; }
        public string? Error { get; init; }
        public string? CallbackUrl { get; init; }
        public string CallbackState { get; init; } = "none";
        public long CallbackAttempts { get; init; }
        public string? CallbackDueAt { get; init; }
        public string? CallbackError { get; init; }
        public string CreatedAt { get; init; } = "";
        public string? StartedAt { get; init; }
        public string? FinishedAt { get; init; }
        public string? RequesterKeyId { get; init; }
    }

    private sealed class ItemRow
    {
        public long ItemIndex { get; init; }
        public long? ResumeId { get; init; }
        public string? Text { get; init; }
        public string? Ref { get; init; }
        public string RoleIds { get; init; } = "[]";
    }

    private sealed class PairRow
    {
        public long Item { get; init; }
        public long RoleId { get; init; }
    }

    private sealed class ErrorRow
    {
        public long Item { get; init; }
        public long RoleId { get; init; }
        public long? ResumeId { get; init; }
        public string Error { get; init; } = "";
    }

    private sealed class ResultRow
    {
        public long Item { get; init; }
        public long RoleId { get; init; }
        public long? ResumeId { get; init; }
        public double? Score { get; init; }
        public long? MeetsAllMinimums { get; init; }
        public string? ResultJson { get; init; }
        public string? Error { get; init; }
    }
}
