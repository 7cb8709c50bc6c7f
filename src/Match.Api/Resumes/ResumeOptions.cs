using Match.Scoring.Resumes.Extraction;

namespace Match.Api.Resumes;

/// <summary>Résumé ingestion settings (section <c>Match:Resumes</c>): file limits, extraction time limit, redaction.</summary>
public sealed class ResumeOptions
{
    public const string Section = "Match:Resumes";

    /// <summary>Largest accepted résumé file, in bytes (default 10 MiB); larger uploads are answered 413.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest total uncompressed size of a DOCX, in bytes (default 64 MiB); more is refused as a zip bomb (422).</summary>
    public long MaxInflatedBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Largest number of PDF pages read (default 200).</summary>
    public int MaxPages { get; set; } = 200;

    /// <summary>Extraction time limit (default 20 s); past it the work is stopped and the upload answered 422.</summary>
    public TimeSpan ExtractionTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>When true, e-mail addresses, phone numbers, URLs and street addresses are masked before analysis and storage (default off).</summary>
    public bool Redact { get; set; }

    public ResumeExtractionOptions ToExtractionOptions() => new()
    {
        MaxBytes = MaxBytes,
        MaxInflatedBytes = MaxInflatedBytes,
        MaxPages = MaxPages,
        Timeout = ExtractionTimeout,
    };
}
