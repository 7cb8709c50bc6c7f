namespace Match.Scoring.Matching;

/// <summary>
/// Relative weights of the role score's parts (non-negative; normalised over the parts a role has). Minimums weigh most
/// of the requirement evidence; Profile is the whole-résumé fit to the role (text and occupation similarity).
/// </summary>
public sealed record ScoreWeights
{
    public static readonly ScoreWeights Default = new();

    /// <summary>Weight of the mean score over minimum requirements.</summary>
    public double Minimum { get; init; } = 0.15;

    /// <summary>Weight of the mean score over preferred requirements.</summary>
    public double Preferred { get; init; } = 0.05;

    /// <summary>Weight of the whole-résumé fit to the role.</summary>
    public double Profile { get; init; } = 0.80;

    /// <summary>True when every weight is finite, non-negative, and at least one is positive.</summary>
    public bool IsValid =>
        new[] { Minimum, Preferred, Profile }.All(w => double.IsFinite(w) && w >= 0) && Minimum + Preferred + Profile > 0;
}
