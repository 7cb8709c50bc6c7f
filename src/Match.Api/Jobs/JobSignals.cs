using System.Collections.Concurrent;

namespace Match.Api.Jobs;

/// <summary>In-process nudges for the job runner and callback delivery, and cancellation of the job being run.</summary>
public sealed class JobSignals : IDisposable
{
    private readonly SemaphoreSlim _work = new(0, 1);
    private readonly SemaphoreSlim _callbacks = new(0, 1);
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();

    /// <summary>A job was submitted: the runner looks now rather than at its next poll.</summary>
    public void WorkAdded() => Release(_work);

    /// <summary>A job finished: its callback is due now.</summary>
    public void CallbackDue() => Release(_callbacks);

    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => _work.WaitAsync(timeout, cancellationToken);

    public Task WaitForCallbacksAsync(TimeSpan timeout, CancellationToken cancellationToken) => _callbacks.WaitAsync(timeout, cancellationToken);

    /// <summary>A token cancelled when the job is cancelled or the service stops; dispose it when the run ends.</summary>
    public CancellationTokenSource Running(long jobId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[jobId] = source;
        return source;
    }

    public void Finished(long jobId) => _running.TryRemove(jobId, out _);

    /// <summary>Stops the job's run if this process is running it.</summary>
    public void Cancel(long jobId)
    {
        if (_running.TryGetValue(jobId, out var source))
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended meanwhile.
            }
        }
    }

    private static void Release(SemaphoreSlim signal)
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public void Dispose()
    {
        _work.Dispose();
        _callbacks.Dispose();
    }
}
