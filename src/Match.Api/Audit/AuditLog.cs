using Match.Data.Audit;

namespace Match.Api.Audit;

/// <summary>
/// Where score paths record what they decided. Call it once per score (or once per batch) after scoring, with
/// <c>AuditEntry.ForScore(httpContext.User.ApiKeyId()!, "score", roleId, resumeId, AuditEntry.HashInputs(...), roleScore)</c>.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one row; it is on disk when the task completes.</summary>
    Task RecordScoreAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Appends many rows in one transaction (batch and job scoring).</summary>
    Task RecordScoresAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);
}

internal sealed class AuditLog(AuditStore store) : IAuditLog
{
    public Task RecordScoreAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return store.AppendAsync([entry], cancellationToken);
    }

    public Task RecordScoresAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
        store.AppendAsync(entries, cancellationToken);
}
