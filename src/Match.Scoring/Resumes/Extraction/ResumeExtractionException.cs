namespace Match.Scoring.Resumes.Extraction;

/// <summary>Why a résumé file could not be read; the API maps each kind to an HTTP status (422, 415 or 413).</summary>
public enum ResumeExtractionFailure
{
    /// <summary>No text layer (a scanned PDF) or nothing but whitespace.</summary>
    NoText,

    /// <summary>The file needs a password to be read.</summary>
    Encrypted,

    /// <summary>The file is damaged or truncated.</summary>
    Corrupt,

    /// <summary>The declared content type contradicts the content's signature.</summary>
    TypeMismatch,

    /// <summary>The file is larger than the configured limit.</summary>
    TooLarge,

    /// <summary>A compressed document inflates past the configured limit.</summary>
    ZipBomb,

    /// <summary>Extraction ran past the configured time limit and was stopped.</summary>
    Timeout,

    /// <summary>The content is not a format Match reads (image, legacy .doc, binary data, JSON that is not a JSON Resume).</summary>
    Unsupported,
}

/// <summary>Thrown when a résumé file cannot be turned into text; <see cref="Exception.Message"/> is safe to show and never contains résumé text.</summary>
public sealed class ResumeExtractionException : Exception
{
    public ResumeExtractionException(ResumeExtractionFailure kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ResumeExtractionException()
        : this(ResumeExtractionFailure.Corrupt, "The résumé could not be read.")
    {
    }

    public ResumeExtractionException(string message)
        : this(ResumeExtractionFailure.Corrupt, message)
    {
    }

    public ResumeExtractionException(string message, Exception innerException)
        : this(ResumeExtractionFailure.Corrupt, message, innerException)
    {
    }

    public ResumeExtractionFailure Kind { get; }
}
