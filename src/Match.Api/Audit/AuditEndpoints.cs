using Match.Api.Infrastructure;
using Match.Api.Security;
using Match.Data.Audit;
using Match.Data.Keys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Match.Api.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/audit").WithTags("Audit").RequireScope(ApiScope.Admin);

        audit.MapGet("/", List).WithValidation<AuditListQuery>().WithSummary("Read the audit trail of scores (admin)");

        return app;
    }

    /// <summary>Audit rows newest first, filtered by key id, role id and résumé id.</summary>
    private static async Task<Ok<AuditListResponse>> List([AsParameters] AuditListQuery query, AuditStore store, CancellationToken cancellationToken)
    {
        var offset = query.Offset ?? 0;
        var limit = query.Limit ?? AuditListQuery.DefaultLimit;
        var page = await store.ListAsync(new AuditQuery(query.KeyId, query.RoleId, query.ResumeId, offset, limit), cancellationToken);
        return TypedResults.Ok(new AuditListResponse([.. page.Items.Select(AuditRowResponse.From)], page.Total, offset, limit));
    }
}
