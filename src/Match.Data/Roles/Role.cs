using Match.Scoring.Postings;

namespace Match.Data.Roles;

/// <summary>Whether a role is still hiring; closed roles stay stored and listable.</summary>
public enum RoleStatus
{
    Open,
    Closed,
}

/// <summary>Where a role's requirements came from: read from the posting, sent structured, or corrected by a recruiter.</summary>
public enum RequirementsSource
{
    Parsed,
    Supplied,
    Corrected,
}

/// <summary>What a write stores for a role: everything but its identity and bookkeeping.</summary>
public sealed record RoleContent(
    string Title,
    RoleStatus Status,
    string PostingText,
    IReadOnlyList<Requirement> Requirements,
    RequirementsSource RequirementsSource);

/// <summary>A stored role. <see cref="Version"/> starts at 1 and grows by 1 on every change; repeats of the same write leave it alone.</summary>
public sealed record Role(
    long Id,
    string? ExternalId,
    RoleContent Content,
    string RequirementsHash,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A role as listed: no posting text or requirement bodies.</summary>
public sealed record RoleSummary(
    long Id,
    string? ExternalId,
    string Title,
    RoleStatus Status,
    long RequirementCount,
    long Version,
    DateTimeOffset UpdatedAt);

/// <summary>Filters and window for listing roles; <see cref="Title"/> matches a case-insensitive substring.</summary>
public sealed record RoleQuery(string? Title = null, RoleStatus? Status = null, string? ExternalId = null, int Offset = 0, int Limit = 20);

/// <summary>One window of a role listing and how many roles match in all.</summary>
public sealed record RolePage(IReadOnlyList<RoleSummary> Items, long Total);

/// <summary>What an upsert did.</summary>
public enum UpsertOutcome
{
    Created,
    Updated,
    Unchanged,
}
