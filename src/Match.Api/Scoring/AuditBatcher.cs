using System.Threading.Channels;
using Match.Api.Audit;
using Match.Data.Audit;

namespace Match.Api.Scoring;

/// <summary>
/// Group commit for score audit rows: concurrent requests each wait until their row is on disk, but the rows that arrive
/// together are written in one transaction, so 50 clients cost one commit (one fsync) instead of 50.
/// </summary>
public sealed partial class AuditBatcher : BackgroundService
{
    private const int MaxBatch = 500;

    private readonly Channel<(AuditEntry Entry, TaskCompletionSource Written)> _queue =
        Channel.CreateUnbounded<(AuditEntry, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IAuditLog _audit;
    private readonly ILogger<AuditBatcher> _logger;

    public AuditBatcher(IAuditLog audit, ILogger<AuditBatcher> logger)
    {
        _audit = audit;
        _logger = logger;
    }

    /// <summary>Completes once <paramref name="entry"/> has been committed (with whatever else was waiting).</summary>
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((entry, written)))
        {
            return _audit.RecordScoreAsync(entry, cancellationToken); // stopping: write it directly
        }

        return written.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(AuditEntry Entry, TaskCompletionSource Written)>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: rows still queued are written below.
        }

        _queue.Writer.TryComplete();
        batch.Clear();
        while (_queue.Reader.TryRead(out var left))
        {
            batch.Add(left);
        }

        await WriteAsync(batch);
    }

    private async Task WriteAsync(List<(AuditEntry Entry, TaskCompletionSource Written)> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _audit.RecordScoresAsync([.. batch.Select(b => b.Entry)], CancellationToken.None);
            batch.ForEach(b => b.Written.TrySetResult());
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            LogWriteFailed(batch.Count, ex);
            batch.ForEach(b => b.Written.TrySetException(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} score audit rows could not be written")]
    private partial void LogWriteFailed(int count, Exception exception);
}
