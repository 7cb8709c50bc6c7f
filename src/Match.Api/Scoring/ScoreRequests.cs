using System.Text;
using System.Text.Json;
using FluentValidation;
using Match.Api.Resumes;
using Match.Data.Resumes;
using Match.Scoring.Matching;
using Microsoft.Net.Http.Headers;

namespace Match.Api.Scoring;

/// <summary>Relative weights of a score's parts; any left out keep the engine's defaults (<see cref="ScoreWeights.Default"/>).</summary>
public sealed record WeightsInput(double? Minimum, double? Preferred, double? Profile)
{
    public ScoreWeights ToWeights() => new()
    {
        Minimum = Minimum ?? ScoreWeights.Default.Minimum,
        Preferred = Preferred ?? ScoreWeights.Default.Preferred,
        Profile = Profile ?? ScoreWeights.Default.Profile,
    };
}

/// <summary>
/// Body of POST /roles/{id}/score: JSON <c>{resumeId}</c> or <c>{text}</c> (with optional <c>weights</c>), a <c>text/plain</c> résumé,
/// or multipart/form-data with a <c>file</c> part (optional <c>keep=true</c> to store it, <c>externalId</c>) or a <c>resumeId</c> or
/// <c>text</c> field.
/// </summary>
public sealed record ScoreRequest(
    long? ResumeId,
    string? Text,
    WeightsInput? Weights,
    ResumeUpload? File = null,
    bool Keep = false,
    string? ExternalId = null,
    string? BodyError = null)
{
    public static async ValueTask<ScoreRequest?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            ResumeUpload? upload = null;
            if (file is not null)
            {
                using var memory = new MemoryStream();
                await file.CopyToAsync(memory, cancellationToken);
                upload = new ResumeUpload(memory.ToArray(), file.ContentType, Path.GetFileName(file.FileName), Field(form, "externalId"), CandidateInfo.None);
            }

            var resumeIdField = Field(form, "resumeId");
            long? resumeId = null;
            if (resumeIdField is not null)
            {
                if (!long.TryParse(resumeIdField, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    return new ScoreRequest(null, null, null, BodyError: "resumeId must be an integer.");
                }

                resumeId = parsed;
            }

            var keep = Field(form, "keep") is { } keepField && bool.TryParse(keepField, out var k) && k;
            return new ScoreRequest(resumeId, Field(form, "text"), null, upload, keep, Field(form, "externalId"));
        }

        if (request.HasJsonContentType())
        {
            try
            {
                return await request.ReadFromJsonAsync<ScoreRequest>(context.RequestAborted)
                    ?? new ScoreRequest(null, null, null, BodyError: "the body must be a JSON object.");
            }
            catch (JsonException ex)
            {
                return new ScoreRequest(null, null, null, BodyError: $"the body is not valid JSON for this endpoint: {ex.Message}");
            }
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body, mediaType.Encoding ?? Encoding.UTF8);
            return new ScoreRequest(null, await reader.ReadToEndAsync(cancellationToken), null);
        }

        throw new BadHttpRequestException(
            $"Content type '{request.ContentType}' is not supported; send application/json, text/plain or multipart/form-data.",
            StatusCodes.Status415UnsupportedMediaType);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;
}

/// <summary>Query of GET /roles/{id}/matches and GET /resumes/{id}/matches: a window of the ranking and its filters.</summary>
public sealed record MatchesQuery(int? Top, int? Offset, double? MinScore, bool? MeetsMinimums)
{
    public const int DefaultTop = 20;
    public const int MaxTop = 100;
}

internal sealed class WeightsInputValidator : AbstractValidator<WeightsInput>
{
    public WeightsInputValidator()
    {
        RuleFor(w => w.Minimum).Must(BeAWeight).WithMessage("minimum must be a finite number ≥ 0.");
        RuleFor(w => w.Preferred).Must(BeAWeight).WithMessage("preferred must be a finite number ≥ 0.");
        RuleFor(w => w.Profile).Must(BeAWeight).WithMessage("profile must be a finite number ≥ 0.");
    }

    /// <summary>Whether weights leave at least one part weighing something (a bad field is reported by its own rule).</summary>
    public static bool AddUp(WeightsInput? weights) => weights is null || !AllFieldsValid(weights) || weights.ToWeights().IsValid;

    private static bool AllFieldsValid(WeightsInput w) => BeAWeight(w.Minimum) && BeAWeight(w.Preferred) && BeAWeight(w.Profile);

    private static bool BeAWeight(double? weight) => weight is null || (double.IsFinite(weight.Value) && weight.Value >= 0);
}

internal sealed class ScoreRequestValidator : AbstractValidator<ScoreRequest>
{
    public const int MaxTextLength = 1_000_000;

    public ScoreRequestValidator()
    {
        RuleFor(r => r.BodyError).Null().OverridePropertyName("body").WithMessage(r => r.BodyError!);
        RuleFor(r => r).Must(r => new object?[] { r.ResumeId, r.Text, r.File }.Count(x => x is not null) == 1)
            .When(r => r.BodyError is null)
            .OverridePropertyName("resume")
            .WithMessage("give exactly one of resumeId, text or a file.");
        RuleFor(r => r.Text).Must(t => !string.IsNullOrWhiteSpace(t)).When(r => r.Text is not null).WithMessage("text must not be blank.")
            .MaximumLength(MaxTextLength);
        RuleFor(r => r.Keep).Equal(false).When(r => r.File is null).WithMessage("keep applies only to an uploaded file.");
        RuleFor(r => r.ExternalId).Null().When(r => !r.Keep).WithMessage("externalId applies only to a file kept with keep=true.");
        RuleFor(r => r.ExternalId).Must(Roles.ExternalIds.IsValid).When(r => r.ExternalId is not null).WithMessage($"externalId {Roles.ExternalIds.Rule}.");
        RuleFor(r => r.Weights!).SetValidator(new WeightsInputValidator()).When(r => r.Weights is not null);
        RuleFor(r => r.Weights).Must(WeightsInputValidator.AddUp).WithMessage("weights must not all be 0.");
    }
}

internal sealed class MatchesQueryValidator : AbstractValidator<MatchesQuery>
{
    public MatchesQueryValidator()
    {
        RuleFor(q => q.Top).InclusiveBetween(1, MatchesQuery.MaxTop);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.MinScore).InclusiveBetween(0, 100);
    }
}
