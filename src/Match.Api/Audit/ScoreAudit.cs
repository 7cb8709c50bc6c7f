using Match.Data.Audit;

namespace Match.Api.Audit;

/// <summary>
/// Builds the audit row of one (role, résumé) pair for every score path (batch, job, ranking), from ids and hashes only:
/// résumé text never reaches the audit trail.
/// </summary>
public static class ScoreAudit
{
    /// <summary>The key id recorded when no API key asked (auth off, or a job submitted before keys were stored with jobs).</summary>
    public const string NoKey = "-";

    /// <summary>
    /// A "scored" row when <paramref name="error"/> is null, else a failure row. <paramref name="resumeInput"/> identifies what was
    /// scored ("resume 12 v3", or a hash of inline text); the inputs hash covers it with the role's requirements hash and the model version.
    /// </summary>
    public static AuditEntry Pair(
        string? keyId, string action, long roleId, string? requirementsHash, long? resumeId, string resumeInput, string? modelVersion,
        double? score, bool? meetsAllMinimums, string? error = null)
    {
        var key = keyId ?? NoKey;
        var inputs = AuditEntry.HashInputs(requirementsHash, resumeInput, modelVersion);
        return error is null
            ? new AuditEntry(key, action, roleId, resumeId, modelVersion, inputs, AuditEntry.Scored, score, meetsAllMinimums)
            : AuditEntry.ForFailure(key, action, roleId, resumeId, modelVersion, inputs, error);
    }

    /// <summary>What identifies a stored résumé version in an inputs hash.</summary>
    public static string StoredResume(long resumeId, long resumeVersion) => $"resume {resumeId} v{resumeVersion}";
}
