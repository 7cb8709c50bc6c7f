namespace Match.Scoring.Resumes.Extraction;

/// <summary>Limits that keep extraction of hostile files bounded in memory and time.</summary>
public sealed class ResumeExtractionOptions
{
    public const string SectionName = "Resumes:Extraction";

    /// <summary>Largest accepted file, in bytes (default 10 MiB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest total uncompressed size of a DOCX package, in bytes (default 64 MiB).</summary>
    public long MaxInflatedBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Largest number of entries in a DOCX package.</summary>
    public int MaxZipEntries { get; set; } = 2_000;

    /// <summary>Largest number of PDF pages read.</summary>
    public int MaxPages { get; set; } = 200;

    /// <summary>Wall-clock limit for one extraction (default 20 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
