using Match.Api.Infrastructure;
using Match.Api.Roles;
using Match.Data.Resumes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Match.Api.Resumes;

public static class ResumeEndpoints
{
    // Room for multipart boundaries and form fields around a file of the largest accepted size.
    private const long MultipartAllowance = 64 * 1024;

    public static IEndpointRouteBuilder MapResumes(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ResumeOptions>>();
        var resumes = app.MapGroup("/resumes").WithTags("Resumes").WithIdempotency();

        resumes.MapPost("/", Create).WithUpload(options).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Upload a résumé");
        resumes.MapPut("/{externalId}", Upsert).WithUpload(options).WithSummary("Create or replace the résumé an ATS knows by its id");
        resumes.MapGet("/", List).WithValidation<ResumeListQuery>().WithSummary("List résumés");
        resumes.MapGet("/{id:long}", Get).WithSummary("Get a résumé's text and structure");
        resumes.MapGet("/{id:long}/text", GetText).Produces<string>(StatusCodes.Status200OK, "text/plain").WithSummary("Get a résumé's normalised text");
        resumes.MapDelete("/{id:long}", Delete).WithSummary("Erase a résumé and everything derived from it");

        return app;
    }

    /// <summary>Reads and stores a résumé (201); the same file again answers 200 with the stored résumé; 409 when the external id is taken.</summary>
    private static async Task<Results<Created<ResumeResponse>, Ok<ResumeResponse>, ProblemHttpResult>> Create(
        ResumeUpload upload, ResumeIngestion ingestion, ResumeStore store, CancellationToken cancellationToken)
    {
        var (content, problem) = ingestion.Read(upload, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (resume, outcome) = await store.CreateAsync(upload.ExternalId, content!, cancellationToken);
        var response = ResumeResponse.From(resume);
        return outcome == ResumeWriteOutcome.Duplicate ? TypedResults.Ok(response) : TypedResults.Created(Location(resume), response);
    }

    /// <summary>Creates (201) or replaces in place (200) the résumé an ATS knows by <paramref name="externalId"/>; repeating changes nothing.</summary>
    private static async Task<Results<Created<ResumeResponse>, Ok<ResumeResponse>, ProblemHttpResult, ValidationProblem>> Upsert(
        string externalId, ResumeUpload upload, ResumeIngestion ingestion, ResumeStore store, CancellationToken cancellationToken)
    {
        if (!ExternalIds.IsValid(externalId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["externalId"] = [$"externalId {ExternalIds.Rule}."] });
        }

        var (content, problem) = ingestion.Read(upload, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (resume, outcome) = await store.UpsertByExternalIdAsync(externalId, content!, cancellationToken);
        var response = ResumeResponse.From(resume);
        return outcome == ResumeWriteOutcome.Created ? TypedResults.Created(Location(resume), response) : TypedResults.Ok(response);
    }

    private static async Task<Ok<ResumeListResponse>> List([AsParameters] ResumeListQuery query, ResumeStore store, CancellationToken cancellationToken)
    {
        var offset = query.Offset ?? 0;
        var limit = query.Limit ?? ResumeListQuery.DefaultLimit;
        var page = await store.ListAsync(new ResumeQuery(query.ExternalId, offset, limit), cancellationToken);
        return TypedResults.Ok(new ResumeListResponse(page.Items, page.Total, offset, limit));
    }

    private static async Task<Results<Ok<ResumeResponse>, NotFound>> Get(long id, ResumeStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } resume ? TypedResults.Ok(ResumeResponse.From(resume)) : TypedResults.NotFound();

    /// <summary>The normalised text every offset in the profile indexes.</summary>
    private static async Task<Results<ContentHttpResult, NotFound>> GetText(long id, ResumeStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } resume
            ? TypedResults.Text(resume.Content.Profile.Text, "text/plain; charset=utf-8")
            : TypedResults.NotFound();

    /// <summary>Erases the résumé: its text, structure and everything derived from it.</summary>
    // Erasure covers what is held in memory too: prepared vectors and the structure they carry.
    private static async Task<Results<NoContent, NotFound>> Delete(long id, ResumeStore store, Scoring.PreparedCache prepared, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(id, cancellationToken);
        prepared.ForgetResume(id);
        return deleted ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static string Location(Resume resume) => $"/resumes/{resume.Id}";

    private static RouteHandlerBuilder WithUpload(this RouteHandlerBuilder builder, IOptions<ResumeOptions> options) =>
        builder
            .Accepts<ResumeUpload>("multipart/form-data", "application/json", "text/plain", "application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .WithValidation<ResumeUpload>()
            .WithBodyLimit(_ => options.Value.MaxBytes + MultipartAllowance)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", new { text = OpenApiExamples.Resume })
            .WithRequestExample("text/plain", OpenApiExamples.Resume);
}
