using System.Text;
using System.Text.Json;
using FluentValidation;
using Match.Api.Roles;
using Match.Data.Resumes;
using Microsoft.Net.Http.Headers;

namespace Match.Api.Resumes;

/// <summary>
/// A résumé upload, from any of: multipart/form-data (a <c>file</c> part, optional <c>externalId</c>, <c>candidateName</c>,
/// <c>candidateEmail</c>, <c>candidatePhone</c>, <c>candidateLocation</c>); JSON <c>{externalId?, text, candidate?}</c>; a JSON Resume
/// document; or the raw file as the body with its own content type (PDF, DOCX, text/plain).
/// </summary>
public sealed record ResumeUpload(
    byte[] Content,
    string? ContentType,
    string? FileName,
    string? ExternalId,
    CandidateInfo Candidate,
    string? BodyError = null)
{
    public static async ValueTask<ResumeUpload?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var candidate = new CandidateInfo(
                Field(form, "candidateName"), Field(form, "candidateEmail"), Field(form, "candidatePhone"), Field(form, "candidateLocation"));
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                return Field(form, "text") is { } formText
                    ? new ResumeUpload(Encoding.UTF8.GetBytes(formText), "text/plain", null, Field(form, "externalId"), candidate)
                    : new ResumeUpload([], null, null, Field(form, "externalId"), candidate, "a 'file' part (or a 'text' field) is required.");
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, cancellationToken);
            return new ResumeUpload(memory.ToArray(), file.ContentType, Path.GetFileName(file.FileName), Field(form, "externalId"), candidate);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var bytes = body.ToArray();
        if (request.HasJsonContentType())
        {
            return FromJson(bytes, request.ContentType);
        }

        var fileName = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            ? Path.GetFileName(disposition.FileName.Value?.Trim('"'))
            : null;
        return new ResumeUpload(bytes, request.ContentType, fileName, null, CandidateInfo.None);
    }

    // {externalId?, text, candidate?} carries text; any other JSON object goes to the extractor as a JSON Resume document.
    private static ResumeUpload FromJson(byte[] bytes, string? contentType)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("text", out var text))
            {
                var externalId = root.TryGetProperty("externalId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                var candidate = root.TryGetProperty("candidate", out var c) && c.ValueKind == JsonValueKind.Object
                    ? new CandidateInfo(Str(c, "name"), Str(c, "email"), Str(c, "phone"), Str(c, "location"))
                    : CandidateInfo.None;
                return text.ValueKind == JsonValueKind.String
                    ? new ResumeUpload(Encoding.UTF8.GetBytes(text.GetString()!), "text/plain", null, externalId, candidate)
                    : new ResumeUpload([], null, null, externalId, candidate, "text must be a string.");
            }

            return new ResumeUpload(bytes, contentType, null, null, CandidateInfo.None);
        }
        catch (JsonException)
        {
            return new ResumeUpload([], null, null, null, CandidateInfo.None, "the body is not valid JSON.");
        }
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>Query of GET /resumes: a window of at most 100 résumés, optionally one external id.</summary>
public sealed record ResumeListQuery(string? ExternalId, int? Offset, int? Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}

internal sealed class ResumeUploadValidator : AbstractValidator<ResumeUpload>
{
    public const int MaxCandidateFieldLength = 300;

    public ResumeUploadValidator()
    {
        RuleFor(u => u.BodyError).Null().WithName("body").WithMessage(u => u.BodyError!).OverridePropertyName("body");
        RuleFor(u => u.ExternalId).Must(ExternalIds.IsValid).When(u => u.ExternalId is not null).WithMessage($"externalId {ExternalIds.Rule}.");
        RuleFor(u => u.FileName).MaximumLength(255);
        RuleFor(u => u.Candidate.Name).MaximumLength(MaxCandidateFieldLength).OverridePropertyName("candidate.name");
        RuleFor(u => u.Candidate.Email).MaximumLength(MaxCandidateFieldLength).OverridePropertyName("candidate.email");
        RuleFor(u => u.Candidate.Phone).MaximumLength(MaxCandidateFieldLength).OverridePropertyName("candidate.phone");
        RuleFor(u => u.Candidate.Location).MaximumLength(MaxCandidateFieldLength).OverridePropertyName("candidate.location");
    }
}

internal sealed class ResumeListQueryValidator : AbstractValidator<ResumeListQuery>
{
    public ResumeListQueryValidator()
    {
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, ResumeListQuery.MaxLimit);
        RuleFor(q => q.ExternalId).Must(ExternalIds.IsValid).When(q => q.ExternalId is not null).WithMessage($"externalId {ExternalIds.Rule}.");
    }
}
