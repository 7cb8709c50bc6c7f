using Match.Api.Audit;
using Match.Data.Audit;
using Match.Data.Jobs;

namespace Match.Api.Jobs;

/// <summary>The audit rows of batch results (one per pair, scored or failed), for the synchronous answer and for job chunks alike.</summary>
internal static class BatchAudit
{
    public const string BatchAction = "batchScore";
    public const string JobAction = "jobScore";

    public static List<AuditEntry> Entries(string? keyId, string action, BatchRoles roles, IReadOnlyList<JobItem> items, IEnumerable<BatchResult> results)
    {
        // Items are looked up by index: a resumed job holds only its pending items, so list position is not the index.
        var byIndex = items.ToDictionary(i => i.Index);
        return [.. results.Select(r =>
        {
            var item = byIndex[r.Item];
            var resumeInput = item.ResumeId is { } id ? $"resume {id}" : AuditEntry.HashInputs(item.Text);
            var requirementsHash = roles.Roles.TryGetValue(r.RoleId, out var role) ? role.Role.RequirementsHash : null;
            return ScoreAudit.Pair(keyId, action, r.RoleId, requirementsHash, r.ResumeId, resumeInput, r.ModelVersion, r.Score, r.MeetsAllMinimums, r.Error);
        })];
    }
}
