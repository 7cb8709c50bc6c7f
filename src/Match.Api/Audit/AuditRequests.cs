using FluentValidation;
using Match.Data.Audit;

namespace Match.Api.Audit;

/// <summary>Query of GET /audit: optional filters and a window of at most 200 rows.</summary>
public sealed record AuditListQuery(string? KeyId, long? RoleId, long? ResumeId, int? Offset, int? Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

/// <summary>One audit row: when (UTC), which key asked, the action, role and résumé ids, model version, inputs hash, outcome and score in [0, 100].</summary>
public sealed record AuditRowResponse(
    long Id,
    DateTimeOffset At,
    string KeyId,
    string Action,
    long? RoleId,
    long? ResumeId,
    string? ModelVersion,
    string? InputsHash,
    string Outcome,
    double? Score,
    bool? MeetsAllMinimums)
{
    public static AuditRowResponse From(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Entry;
        return new(record.Id, record.At, e.KeyId, e.Action, e.RoleId, e.ResumeId, e.ModelVersion, e.InputsHash, e.Outcome, e.Score, e.MeetsAllMinimums);
    }
}

/// <summary>One window of the audit trail, newest first, and how many rows match in all.</summary>
public sealed record AuditListResponse(IReadOnlyList<AuditRowResponse> Items, long Total, int Offset, int Limit);

internal sealed class AuditListQueryValidator : AbstractValidator<AuditListQuery>
{
    public AuditListQueryValidator()
    {
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, AuditListQuery.MaxLimit);
        RuleFor(q => q.KeyId).MaximumLength(64);
        RuleFor(q => q.RoleId).GreaterThan(0);
        RuleFor(q => q.ResumeId).GreaterThan(0);
    }
}
