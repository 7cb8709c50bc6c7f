using Match.Data.Scores;
using Match.Scoring.Matching;

namespace Match.Api.Scoring;

/// <summary>The weights a score was computed with.</summary>
public sealed record WeightsResponse(double Minimum, double Preferred, double Profile)
{
    public static WeightsResponse From(ScoreWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return new(weights.Minimum, weights.Preferred, weights.Profile);
    }
}

/// <summary>
/// A résumé's explained score for a role: score in [0, 100]; meetsAllMinimums false when a minimum requirement is missing
/// (knockOuts lists their indexes); coverages and category scores in [0, 1]; every requirement's status, score, evidence and
/// reason; the weights applied and the model version. <c>resumeId</c> is set for a stored (or kept) résumé.
/// </summary>
public sealed record ScoreResponse(
    long RoleId,
    long RoleVersion,
    long? ResumeId,
    long? ResumeVersion,
    string ModelVersion,
    double Score,
    bool MeetsAllMinimums,
    IReadOnlyList<int> KnockOuts,
    double? MinimumCoverage,
    double? PreferredCoverage,
    CategoryScores Categories,
    ProfileFit Profile,
    IReadOnlyList<RequirementMatch> Requirements,
    WeightsResponse Weights)
{
    public static ScoreResponse From(long roleId, long roleVersion, long? resumeId, long? resumeVersion, RoleScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new(roleId, roleVersion, resumeId, resumeVersion, score.ModelVersion, score.Score, score.MeetsAllMinimums, score.KnockOuts,
            score.MinimumCoverage, score.PreferredCoverage, score.Categories, score.Profile, score.Requirements, WeightsResponse.From(score.Weights));
    }
}

/// <summary>A stored résumé ranked for a role; rank is 1-based over the whole filtered ranking.</summary>
public sealed record ResumeMatch(
    int Rank,
    long ResumeId,
    string? ExternalId,
    string? CandidateName,
    double Score,
    bool MeetsAllMinimums,
    IReadOnlyList<int> KnockOuts,
    double? MinimumCoverage,
    double? PreferredCoverage,
    DateTimeOffset ScoredAt);

/// <summary>An open role ranked for a résumé; rank is 1-based over the whole filtered ranking.</summary>
public sealed record RoleMatch(
    int Rank,
    long RoleId,
    string? ExternalId,
    string Title,
    double Score,
    bool MeetsAllMinimums,
    IReadOnlyList<int> KnockOuts,
    double? MinimumCoverage,
    double? PreferredCoverage,
    DateTimeOffset ScoredAt);

/// <summary>
/// One page of a ranking, best first. <c>recomputed</c> counts the scores that were missing or stale (changed role, résumé or
/// model) and were computed for this answer; every other score was read as stored.
/// </summary>
public sealed record MatchesResponse<TMatch>(
    long Id,
    string ModelVersion,
    IReadOnlyList<TMatch> Items,
    long Total,
    int Offset,
    int Top,
    int Recomputed);

internal static class MatchMapping
{
    public static ResumeMatch ToResumeMatch(this RankedScore s, int rank) =>
        new(rank, s.Id, s.ExternalId, s.Name, s.Score, s.MeetsAllMinimums, s.KnockOuts, s.MinimumCoverage, s.PreferredCoverage, s.ScoredAt);

    public static RoleMatch ToRoleMatch(this RankedScore s, int rank) =>
        new(rank, s.Id, s.ExternalId, s.Name ?? "", s.Score, s.MeetsAllMinimums, s.KnockOuts, s.MinimumCoverage, s.PreferredCoverage, s.ScoredAt);
}
