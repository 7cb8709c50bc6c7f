using System.Diagnostics;

namespace Match.Scoring.Resumes.Extraction;

/// <summary>
/// The extraction time limit, checked against the clock at every check point as well as through the caller's token:
/// a timer callback alone can run late on a busy thread pool, after the work it was meant to stop.
/// </summary>
internal sealed class ExtractionDeadline(TimeSpan limit, CancellationToken cancellationToken)
{
    public static readonly ExtractionDeadline None = new(Timeout.InfiniteTimeSpan, CancellationToken.None);

    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Throws OperationCanceledException when the caller cancelled or the limit has passed.</summary>
    public void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (limit != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(_started) > limit)
        {
            throw new OperationCanceledException("the extraction time limit has passed");
        }
    }
}
