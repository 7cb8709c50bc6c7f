using Match.Data.Roles;
using Match.Scoring.Postings;

namespace Match.Api.Roles;

/// <summary>A role with its posting and requirements. <c>version</c> grows on every change; <c>requirementsHash</c> changes only with the requirements.</summary>
public sealed record RoleResponse(
    long Id,
    string? ExternalId,
    string Title,
    RoleStatus Status,
    long Version,
    string RequirementsHash,
    RequirementsSource RequirementsSource,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string PostingText,
    IReadOnlyList<RequirementResponse> Requirements)
{
    public static RoleResponse From(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var content = role.Content;
        return new RoleResponse(
            role.Id,
            role.ExternalId,
            content.Title,
            content.Status,
            role.Version,
            role.RequirementsHash,
            content.RequirementsSource,
            role.CreatedAt,
            role.UpdatedAt,
            content.PostingText,
            [.. content.Requirements.Select((r, i) => new RequirementResponse(i, r.Level, r.Category, r.Text, r.Attributes))]);
    }
}

/// <summary>One requirement of a role; <c>ordinal</c> is its 0-based position.</summary>
public sealed record RequirementResponse(
    int Ordinal,
    RequirementLevel Level,
    RequirementCategory Category,
    string Text,
    RequirementAttributes Attributes);

/// <summary>One page of GET /roles, newest first; <c>total</c> counts every match.</summary>
public sealed record RoleListResponse(IReadOnlyList<RoleSummary> Items, long Total, int Offset, int Limit);
