namespace Match.Data.Scores;

/// <summary>
/// A résumé's score for a role as stored for ranking: Score in [0, 100], coverages in [0, 1], and the model, role and résumé
/// versions it was computed from (a difference in any makes it stale).
/// </summary>
public sealed record StoredScore(
    long RoleId,
    long ResumeId,
    string ModelVersion,
    long RoleVersion,
    long ResumeVersion,
    double Score,
    bool MeetsAllMinimums,
    IReadOnlyList<int> KnockOuts,
    double? MinimumCoverage,
    double? PreferredCoverage,
    DateTimeOffset ScoredAt);

/// <summary>A stored thing (role or résumé) whose score is missing or stale, with its current version.</summary>
public sealed record StaleTarget(long Id, long Version);

/// <summary>Which stored scores a ranking shows: at least <see cref="MinScore"/> (0–100), only those meeting all minimums when asked.</summary>
public sealed record RankingQuery(double? MinScore = null, bool? MeetsAllMinimums = null, int Offset = 0, int Limit = 20);

/// <summary>One ranked entry: the other side's id, external id and name, and its stored score.</summary>
public sealed record RankedScore(
    long Id,
    string? ExternalId,
    string? Name,
    double Score,
    bool MeetsAllMinimums,
    IReadOnlyList<int> KnockOuts,
    double? MinimumCoverage,
    double? PreferredCoverage,
    DateTimeOffset ScoredAt);

/// <summary>One window of a ranking, best first, and how many entries pass the filters in all.</summary>
public sealed record RankingPage(IReadOnlyList<RankedScore> Items, long Total);
