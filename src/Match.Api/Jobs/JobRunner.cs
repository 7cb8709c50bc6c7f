using System.Collections.Concurrent;
using Match.Api.Audit;
using Match.Api.Model;
using Match.Data;
using Match.Data.Jobs;
using Microsoft.Extensions.Options;

namespace Match.Api.Jobs;

/// <summary>
/// Runs batch jobs one at a time from SQLite. Work is claimed from the store under a lease renewed with every chunk, so a job
/// left running by a process that died is claimed again once its lease runs out; pairs that already have a result are skipped,
/// and each chunk's results are committed together, then audited in one write under the submitting key's id.
/// </summary>
public sealed partial class JobRunner(
    JobStore jobs, BatchScorer scorer, ModelHost models, JobSignals signals, IAuditLog audit, IOptions<JobOptions> options, ILogger<JobRunner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunJobsAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a job in progress keeps its lease and results, and resumes later.
        }
    }

    private async Task RunJobsAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            Job? job;
            try
            {
                job = await jobs.ClaimNextAsync(options.Value.LeaseDuration, stoppingToken);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                LogStoreError(ex);
                await Task.Delay(options.Value.PollInterval, stoppingToken);
                continue;
            }

            if (job is null)
            {
                await signals.WaitForWorkAsync(options.Value.PollInterval, stoppingToken);
                continue;
            }

            using var run = signals.Running(job.Id, stoppingToken);
            try
            {
                await RunAsync(job, run.Token);
            }
            catch (OperationCanceledException) when (run.IsCancellationRequested)
            {
                // Cancelled by DELETE (the store already says so) or by shutdown (the job stays running and resumes at start-up).
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogJobFailed(job.Id, ex);
                await jobs.FinishAsync(job.Id, JobState.Failed, "the job stopped on an internal error; the pairs scored so far are kept", CancellationToken.None);
                signals.CallbackDue();
            }
            finally
            {
                signals.Finished(job.Id);
            }
        }
    }

    private async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var scoring = StoredJson.Deserialize<BatchScoring>(job.OptionsJson);
        var items = await jobs.ItemsAsync(job.Id, cancellationToken);
        var done = await jobs.DonePairsAsync(job.Id, cancellationToken);
        var pending = items
            .Select(i => i with { RoleIds = [.. i.RoleIds.Where(r => !done.Contains((i.Index, r)))] })
            .Where(i => i.RoleIds.Count > 0)
            .ToList();
        var roleIds = pending.SelectMany(i => i.RoleIds).Distinct().ToList();
        LogRunning(job.Id, job.Total - done.Count, job.Total);

        BatchRoles? roles = null;
        foreach (var chunk in Chunks(pending, Math.Max(1, options.Value.ChunkPairs)))
        {
            var model = await models.GetAsync(cancellationToken);
            if (roles?.Model != model)
            {
                roles = await scorer.PrepareRolesAsync(model, roleIds, cancellationToken);
            }

            var results = new ConcurrentBag<BatchResult>();
            await scorer.ScoreAsync(roles, chunk, scoring, itemResults =>
            {
                foreach (var result in itemResults)
                {
                    results.Add(result);
                }

                return ValueTask.CompletedTask;
            }, cancellationToken);
            var rows = results.Select(r => new JobResult(r.Item, r.RoleId, r.ResumeId, r.Score, r.MeetsAllMinimums, StoredJson.Serialize(r), r.Error)).ToList();
            if (!await jobs.AppendResultsAsync(job.Id, rows, model.Version, options.Value.LeaseDuration, cancellationToken))
            {
                return; // cancelled meanwhile: nothing of this chunk was written
            }

            // One audit write per committed chunk, naming the key that submitted the job.
            await audit.RecordScoresAsync(BatchAudit.Entries(job.RequesterKeyId, BatchAudit.JobAction, roles, chunk, results), CancellationToken.None);
        }

        if (await jobs.FinishAsync(job.Id, JobState.Succeeded, cancellationToken: cancellationToken))
        {
            LogSucceeded(job.Id);
            signals.CallbackDue();
        }
    }

    private static IEnumerable<List<JobItem>> Chunks(IEnumerable<JobItem> items, int pairsPerChunk)
    {
        var chunk = new List<JobItem>();
        var pairs = 0;
        foreach (var item in items)
        {
            chunk.Add(item);
            pairs += item.RoleIds.Count;
            if (pairs >= pairsPerChunk)
            {
                yield return chunk;
                chunk = [];
                pairs = 0;
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: scoring {Remaining} of {Total} pairs")]
    private partial void LogRunning(long jobId, long remaining, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} succeeded")]
    private partial void LogSucceeded(long jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed")]
    private partial void LogJobFailed(long jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job store could not be read; retrying")]
    private partial void LogStoreError(Exception exception);
}
