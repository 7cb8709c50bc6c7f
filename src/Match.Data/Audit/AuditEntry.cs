using System.Security.Cryptography;
using System.Text;
using Match.Scoring.Matching;

namespace Match.Data.Audit;

/// <summary>
/// One decision to audit: the API key id that asked, the action ("score", "batchScore", "jobScore"), the role and résumé,
/// the model version, a hash of the inputs, the outcome ("scored", "failed: …") and, when scored, the score in [0, 100].
/// </summary>
public sealed record AuditEntry(
    string KeyId,
    string Action,
    long? RoleId,
    long? ResumeId,
    string? ModelVersion,
    string? InputsHash,
    string Outcome,
    double? Score = null,
    bool? MeetsAllMinimums = null)
{
    public const string Scored = "scored";

    /// <summary>The entry for a completed score; <paramref name="inputsHash"/> comes from <see cref="HashInputs"/>.</summary>
    public static AuditEntry ForScore(string keyId, string action, long roleId, long resumeId, string inputsHash, RoleScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new(keyId, action, roleId, resumeId, score.ModelVersion, inputsHash, Scored, score.Score, score.MeetsAllMinimums);
    }

    /// <summary>The entry for a score that could not be computed; <paramref name="reason"/> must hold no personal data.</summary>
    public static AuditEntry ForFailure(string keyId, string action, long? roleId, long? resumeId, string? modelVersion, string? inputsHash, string reason) =>
        new(keyId, action, roleId, resumeId, modelVersion, inputsHash, $"failed: {reason}");

    /// <summary>
    /// Lower-case hex SHA-256 over the parts in order (e.g. the role's requirements hash, the résumé's content hash, the model version),
    /// each length-prefixed so different splits never collide.
    /// </summary>
    public static string HashInputs(params IEnumerable<string?> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            var value = part ?? "";
            text.Append(value.Length).Append(':').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>A stored audit row: <see cref="AuditEntry"/> plus its id and when it was written (UTC).</summary>
public sealed record AuditRecord(long Id, DateTimeOffset At, AuditEntry Entry);

/// <summary>Filters and window for reading the audit trail; every filter is optional.</summary>
public sealed record AuditQuery(string? KeyId = null, long? RoleId = null, long? ResumeId = null, int Offset = 0, int Limit = 50);

/// <summary>One window of the audit trail, newest first, and how many rows match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, long Total);
