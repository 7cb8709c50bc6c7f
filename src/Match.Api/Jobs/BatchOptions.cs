namespace Match.Api.Jobs;

/// <summary>Limits of POST /batch/score (section <c>Match:Batch</c>).</summary>
public sealed class BatchOptions
{
    public const string Section = "Match:Batch";

    /// <summary>Up to this many (résumé, role) pairs a batch is answered at once; above it, it becomes a job (default 5,000).</summary>
    public int SyncMaxPairs { get; set; } = 5000;

    /// <summary>Batches with more pairs than this are refused with 413 (default 1,000,000).</summary>
    public long MaxPairs { get; set; } = 1_000_000;

    /// <summary>Largest request body, in bytes (default 64 MiB).</summary>
    public long MaxBodyBytes { get; set; } = 64L * 1024 * 1024;
}

/// <summary>How jobs run and report back (section <c>Match:Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Match:Jobs";

    /// <summary>Pairs scored between two commits of results (default 2,000); a crash loses at most one chunk of work, never a result.</summary>
    public int ChunkPairs { get; set; } = 2000;

    /// <summary>
    /// How long a running job stays claimed by its process without a new chunk of results (default 30 s); after a crash the job
    /// resumes once it runs out.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the runner looks for work it was not told about (default 1 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Key of the HMAC-SHA256 signature on completion callbacks; callbacks are refused (400) while it is not set.</summary>
    public string? CallbackSecret { get; set; }

    /// <summary>Delivery attempts before a callback is given up (default 6).</summary>
    public int CallbackMaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second attempt; it doubles after each failure (default 2 s).</summary>
    public TimeSpan CallbackFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one delivery attempt may take (default 10 s).</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failed pairs listed by GET /jobs/{id} (default 20).</summary>
    public int ErrorsShown { get; set; } = 20;
}
