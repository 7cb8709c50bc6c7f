using Match.Api.Infrastructure;
using Match.Data.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Match.Api.Roles;

public static class RoleEndpoints
{
    private const string JsonType = "application/json";
    private const string PlainTextType = "text/plain";

    public static IEndpointRouteBuilder MapRoles(this IEndpointRouteBuilder app)
    {
        var roles = app.MapGroup("/roles").WithTags("Roles").WithIdempotency();

        roles.MapPost("/", Create).WithRoleBody<CreateRoleRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a role from a posting");
        roles.MapPut("/{externalId}", Upsert).WithRoleBody<UpsertRoleRequest>().WithSummary("Create or replace the role an ATS knows by its id");
        roles.MapGet("/", List).WithValidation<RoleListQuery>().WithSummary("List roles");
        roles.MapGet("/{id:long}", Get).WithSummary("Get a role with its requirements");
        roles.MapPut("/{id:long}/requirements", CorrectRequirements)
            .WithValidation<CorrectRequirementsRequest>()
            .WithBodyLimit(limits => limits.MaxPostingBytes)
            .WithSummary("Correct a role's requirements");
        roles.MapPut("/{id:long}/status", SetStatus).WithValidation<SetStatusRequest>().WithSummary("Open or close a role");
        roles.MapDelete("/{id:long}", Delete).WithSummary("Delete a role");

        return app;
    }

    /// <summary>Creates a role from a posting (JSON or text/plain) or from structured requirements; 409 when the external id exists.</summary>
    private static async Task<Created<RoleResponse>> Create(
        CreateRoleRequest request, RoleComposer composer, RoleStore store, CancellationToken cancellationToken)
    {
        var role = await store.CreateAsync(request.ExternalId, composer.Compose(request, current: null), cancellationToken);
        return TypedResults.Created(Location(role), RoleResponse.From(role));
    }

    /// <summary>Creates (201) or replaces (200) the role an ATS knows by <paramref name="externalId"/>; repeating a request changes nothing.</summary>
    private static async Task<Results<Created<RoleResponse>, Ok<RoleResponse>, ValidationProblem>> Upsert(
        string externalId, UpsertRoleRequest request, RoleComposer composer, RoleStore store, CancellationToken cancellationToken)
    {
        if (!ExternalIds.IsValid(externalId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["externalId"] = [$"externalId {ExternalIds.Rule}."] });
        }

        var (role, outcome) = await store.UpsertByExternalIdAsync(externalId, current => composer.Compose(request, current), cancellationToken);
        var response = RoleResponse.From(role);
        return outcome == UpsertOutcome.Created ? TypedResults.Created(Location(role), response) : TypedResults.Ok(response);
    }

    /// <summary>Roles newest first, filtered by title substring, status and external id.</summary>
    private static async Task<Ok<RoleListResponse>> List([AsParameters] RoleListQuery query, RoleStore store, CancellationToken cancellationToken)
    {
        var offset = query.Offset ?? 0;
        var limit = query.Limit ?? RoleListQuery.DefaultLimit;
        var page = await store.ListAsync(new RoleQuery(query.Title, query.ParsedStatus, query.ExternalId, offset, limit), cancellationToken);
        return TypedResults.Ok(new RoleListResponse(page.Items, page.Total, offset, limit));
    }

    private static async Task<Results<Ok<RoleResponse>, NotFound>> Get(long id, RoleStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } role ? TypedResults.Ok(RoleResponse.From(role)) : TypedResults.NotFound();

    /// <summary>Replaces what the parser found with a recruiter's list; later re-sends of the same posting keep it.</summary>
    private static async Task<Results<Ok<RoleResponse>, NotFound>> CorrectRequirements(
        long id, CorrectRequirementsRequest request, RoleComposer composer, RoleStore store, CancellationToken cancellationToken)
    {
        var requirements = composer.Correct(request.Requirements!);
        var role = await store.ReplaceRequirementsAsync(id, requirements, RequirementsSource.Corrected, cancellationToken);
        return role is null ? TypedResults.NotFound() : TypedResults.Ok(RoleResponse.From(role));
    }

    private static async Task<Results<Ok<RoleResponse>, NotFound>> SetStatus(
        long id, SetStatusRequest request, RoleStore store, CancellationToken cancellationToken) =>
        await store.SetStatusAsync(id, request.Status!.Value, cancellationToken) is { } role
            ? TypedResults.Ok(RoleResponse.From(role))
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Delete(long id, RoleStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static string Location(Role role) => $"/roles/{role.Id}";

    private static RouteHandlerBuilder WithRoleBody<TRequest>(this RouteHandlerBuilder builder)
        where TRequest : IRoleInput =>
        builder
            .Accepts<TRequest>(JsonType, PlainTextType)
            .WithValidation<TRequest>()
            .WithBodyLimit(limits => limits.MaxPostingBytes)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(JsonType, new { title = "Senior Data Engineer", postingText = OpenApiExamples.Posting })
            .WithRequestExample(PlainTextType, OpenApiExamples.Posting);
}
