namespace Match.Scoring.Resumes.Extraction;

/// <summary>The file formats Match reads résumés from; decided by the content's signature.</summary>
public enum ResumeFormat
{
    Text,
    Pdf,
    Docx,
    JsonResume,
}

/// <summary>What a person would read from an uploaded résumé: text normalised by <see cref="ResumeText.Normalize"/>, and the format it came in.</summary>
/// <param name="Text">Normalised text; never empty.</param>
/// <param name="Format">Format detected from the content's signature.</param>
/// <param name="PageCount">Pages for PDF; 1 for the other formats.</param>
public sealed record ExtractedResume(string Text, ResumeFormat Format, int PageCount);
