using Match.Api.Infrastructure;
using Match.Api.Model;
using Match.Api.Resumes;
using Match.Api.Security;
using Match.Data.Audit;
using Match.Data.Resumes;
using Match.Data.Roles;
using Match.Data.Scores;
using Match.Scoring.Matching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Match.Api.Scoring;

public static class ScoringEndpoints
{
    // Room for multipart boundaries and form fields around a résumé file of the largest accepted size.
    private const long MultipartAllowance = 64 * 1024;

    public static IEndpointRouteBuilder MapScoring(this IEndpointRouteBuilder app)
    {
        var resumeOptions = app.ServiceProvider.GetRequiredService<IOptions<ResumeOptions>>();
        var roles = app.MapGroup("/roles").WithTags("Scoring").WithIdempotency();
        var resumes = app.MapGroup("/resumes").WithTags("Scoring");

        roles.MapPost("/{id:long}/score", Score)
            .Accepts<ScoreRequest>("application/json", "text/plain", "multipart/form-data")
            .WithValidation<ScoreRequest>()
            .WithBodyLimit(_ => resumeOptions.Value.MaxBytes + MultipartAllowance)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", new { text = OpenApiExamples.Resume })
            .WithSummary("Score a résumé against a role, with explanations");
        roles.MapGet("/{id:long}/matches", RankResumes).WithValidation<MatchesQuery>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Rank stored résumés for a role");
        resumes.MapGet("/{id:long}/matches", RankRoles).WithValidation<MatchesQuery>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Rank open roles for a résumé");

        return app;
    }

    /// <summary>
    /// Scores one résumé (stored id, text, or uploaded file) against the role and explains it. An uploaded file is stored only
    /// with keep=true.
    /// </summary>
    private static async Task<Results<Ok<ScoreResponse>, ProblemHttpResult>> Score(
        long id,
        ScoreRequest request,
        HttpContext context,
        RoleStore roles,
        IStoredResumes storedResumes,
        ResumeIngestion ingestion,
        ResumeStore resumeStore,
        ModelHost models,
        PreparedCache prepared,
        AuditBatcher audit,
        CancellationToken cancellationToken)
    {
        var role = await roles.GetAsync(id, cancellationToken);
        if (role is null)
        {
            return RoleNotFound(id);
        }

        var model = await models.GetAsync(cancellationToken);
        var weights = request.Weights?.ToWeights();
        var preparedRole = prepared.Role(model, role);
        RoleScore score;
        long? resumeId = null, resumeVersion = null;
        string resumeInput;
        if (request.ResumeId is { } storedId)
        {
            var resume = await storedResumes.GetAsync(storedId, cancellationToken);
            if (resume is null)
            {
                return ResumeNotFound(storedId);
            }

            score = model.Score(preparedRole, prepared.Resume(model, resume), weights);
            (resumeId, resumeVersion, resumeInput) = (resume.Id, resume.Version, $"resume {resume.Id} v{resume.Version}");
        }
        else if (request.Text is { } text)
        {
            score = model.Score(preparedRole, prepared.Text(model, text), weights);
            resumeInput = AuditEntry.HashInputs(text);
        }
        else
        {
            var (content, problem) = ingestion.Read(request.File!, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            score = model.Score(preparedRole, model.Prepare(content!.Profile), weights);
            resumeInput = content.ContentHash;
            if (request.Keep)
            {
                var (kept, _) = await resumeStore.CreateAsync(request.ExternalId, content, cancellationToken);
                (resumeId, resumeVersion) = (kept.Id, kept.Version);
            }
        }

        var inputs = AuditEntry.HashInputs(role.RequirementsHash, resumeInput, model.Version, System.Text.Json.JsonSerializer.Serialize(score.Weights));
        await audit.RecordAsync(
            new AuditEntry(context.User.ApiKeyId() ?? "-", "score", role.Id, resumeId, score.ModelVersion, inputs, AuditEntry.Scored, score.Score, score.MeetsAllMinimums),
            cancellationToken);
        return TypedResults.Ok(ScoreResponse.From(role.Id, role.Version, resumeId, resumeVersion, score));
    }

    /// <summary>Stored résumés ranked for the role, best first; only missing or stale scores are computed.</summary>
    private static async Task<Results<Ok<MatchesResponse<ResumeMatch>>, ProblemHttpResult>> RankResumes(
        long id, [AsParameters] MatchesQuery query, HttpContext context, RoleStore roles, Ranking ranking, CancellationToken cancellationToken)
    {
        var role = await roles.GetAsync(id, cancellationToken);
        if (role is null)
        {
            return RoleNotFound(id);
        }

        var window = Window(query);
        var (page, modelVersion, recomputed) = await ranking.ResumesForRoleAsync(role, window, context.User.ApiKeyId(), cancellationToken);
        var items = page.Items.Select((s, i) => s.ToResumeMatch(window.Offset + i + 1)).ToList();
        return TypedResults.Ok(new MatchesResponse<ResumeMatch>(role.Id, modelVersion, items, page.Total, window.Offset, window.Limit, recomputed));
    }

    /// <summary>Open roles ranked for the résumé, best first; only missing or stale scores are computed.</summary>
    private static async Task<Results<Ok<MatchesResponse<RoleMatch>>, ProblemHttpResult>> RankRoles(
        long id, [AsParameters] MatchesQuery query, HttpContext context, IStoredResumes resumes, Ranking ranking, CancellationToken cancellationToken)
    {
        var resume = await resumes.GetAsync(id, cancellationToken);
        if (resume is null)
        {
            return ResumeNotFound(id);
        }

        var window = Window(query);
        var (page, modelVersion, recomputed) = await ranking.RolesForResumeAsync(resume, window, context.User.ApiKeyId(), cancellationToken);
        var items = page.Items.Select((s, i) => s.ToRoleMatch(window.Offset + i + 1)).ToList();
        return TypedResults.Ok(new MatchesResponse<RoleMatch>(resume.Id, modelVersion, items, page.Total, window.Offset, window.Limit, recomputed));
    }

    private static RankingQuery Window(MatchesQuery query) =>
        new(query.MinScore, query.MeetsMinimums, query.Offset ?? 0, query.Top ?? MatchesQuery.DefaultTop);

    internal static ProblemHttpResult RoleNotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Role not found", detail: $"There is no role with id {id}.");

    internal static ProblemHttpResult ResumeNotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Résumé not found", detail: $"There is no résumé with id {id}.");
}
