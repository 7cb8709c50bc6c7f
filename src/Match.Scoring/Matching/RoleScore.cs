using Match.Scoring.Occupations;

namespace Match.Scoring.Matching;

/// <summary>Mean requirement score per category, each in [0, 1]; null when the role has no requirement of that kind.</summary>
public sealed record CategoryScores(double? Skills, double? Experience, double? Education, double? Other);

/// <summary>Whole-résumé fit to the role, each part in [0, 1]: text similarity, title similarity, occupation similarity, and their blend.</summary>
public sealed record ProfileFit(double Text, double Title, double Occupation, double Blend, IReadOnlyList<OccupationFit> SharedOccupations);

/// <summary>
/// A résumé's score for a role: Score in [0, 100]; MeetsAllMinimums false when a minimum is missing (a knock-out, which
/// is reported and never hides the candidate); coverages in [0, 1]; every requirement's verdict; the weights applied.
/// </summary>
public sealed record RoleScore(
    double Score,
    bool MeetsAllMinimums,
    IReadOnlyList<int> KnockOuts,
    double? MinimumCoverage,
    double? PreferredCoverage,
    CategoryScores Categories,
    ProfileFit Profile,
    IReadOnlyList<RequirementMatch> Requirements,
    ScoreWeights Weights,
    string ModelVersion);
