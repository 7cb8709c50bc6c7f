using System.Security.Cryptography;
using Match.Data.Resumes;
using Match.Scoring.Resumes;
using Match.Scoring.Resumes.Extraction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Match.Api.Resumes;

/// <summary>Upload → extracted text → optional redaction → structure: the content a résumé write stores, or the problem that stops it.</summary>
public sealed class ResumeIngestion(ResumeExtractor extractor, ResumeAnalyzer analyzer, IOptions<ResumeOptions> options)
{
    /// <summary>The content to store, or a problem (413, 415 or 422) saying why the file cannot be read; nothing is stored then.</summary>
    public (ResumeContent? Content, ProblemHttpResult? Problem) Read(ResumeUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ExtractedResume extracted;
        try
        {
            extracted = extractor.Extract(upload.Content, upload.ContentType, upload.FileName, cancellationToken);
        }
        catch (ResumeExtractionException ex)
        {
            return (null, Problem(ex));
        }

        var redact = options.Value.Redact;
        var text = redact ? ResumeRedactor.Redact(extracted.Text) : extracted.Text;
        var content = new ResumeContent(
            Convert.ToHexStringLower(SHA256.HashData(upload.Content)),
            extracted.Format,
            upload.FileName,
            upload.Candidate,
            analyzer.Analyze(text),
            redact);
        return (content, null);
    }

    private static ProblemHttpResult Problem(ResumeExtractionException error)
    {
        var (status, title) = error.Kind switch
        {
            ResumeExtractionFailure.TooLarge => (StatusCodes.Status413PayloadTooLarge, "Résumé file too large"),
            ResumeExtractionFailure.TypeMismatch => (StatusCodes.Status415UnsupportedMediaType, "Declared type contradicts the content"),
            ResumeExtractionFailure.Unsupported => (StatusCodes.Status415UnsupportedMediaType, "Unsupported résumé format"),
            ResumeExtractionFailure.NoText => (StatusCodes.Status422UnprocessableEntity, "No text in the résumé"),
            ResumeExtractionFailure.Encrypted => (StatusCodes.Status422UnprocessableEntity, "Résumé is encrypted"),
            ResumeExtractionFailure.ZipBomb => (StatusCodes.Status422UnprocessableEntity, "Résumé inflates past the limit"),
            ResumeExtractionFailure.Timeout => (StatusCodes.Status422UnprocessableEntity, "Résumé extraction timed out"),
            _ => (StatusCodes.Status422UnprocessableEntity, "Résumé is damaged"),
        };

        return TypedResults.Problem(
            detail: error.Message,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["kind"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(error.Kind.ToString()) });
    }
}
