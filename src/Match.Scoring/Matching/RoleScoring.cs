using Match.Scoring.Postings;

namespace Match.Scoring.Matching;

/// <summary>The whole-résumé fit: text, title and occupation cosines mapped onto [0, 1] and blended.</summary>
internal static class ProfileBlend
{
    // Cosines of TF-IDF vectors of whole documents rarely pass 0.4 even for a close pair; they are scaled to use [0, 1].
    internal const double TextFull = 0.40;
    internal const double TitleFull = 0.50;
    internal const double TextWeight = 0.35;
    internal const double TitleWeight = 0.15;
    internal const double OccupationWeight = 0.50;

    public static double Of(double text, double title, double occupation, bool hasOccupations)
    {
        var t = Math.Min(1, text / TextFull);
        var ti = Math.Min(1, title / TitleFull);
        if (!hasOccupations)
        {
            return (TextWeight * t + TitleWeight * ti) / (TextWeight + TitleWeight);
        }

        return TextWeight * t + TitleWeight * ti + OccupationWeight * Math.Clamp(occupation, 0, 1);
    }
}

/// <summary>Combines requirement verdicts and profile fit into a <see cref="RoleScore"/>.</summary>
internal static class RoleScoring
{
    public static RoleScore Combine(IReadOnlyList<RequirementMatch> matches, ProfileFit profile, ScoreWeights weights, string version)
    {
        var minimums = matches.Where(m => m.Level == RequirementLevel.Minimum).ToList();
        var preferred = matches.Where(m => m.Level == RequirementLevel.Preferred).ToList();
        double? minimumCoverage = minimums.Count > 0 ? minimums.Average(m => m.Score) : null;
        double? preferredCoverage = preferred.Count > 0 ? preferred.Average(m => m.Score) : null;

        double total = 0, weightSum = 0;
        Add(minimumCoverage, weights.Minimum);
        Add(preferredCoverage, weights.Preferred);
        Add(profile.Blend, weights.Profile);
        var score = weightSum > 0 ? Math.Round(100 * total / weightSum, 4) : 0;

        var knockOuts = minimums.Where(m => m.Status == RequirementStatus.Missing).Select(m => m.Index).ToList();
        var categories = new CategoryScores(
            MeanOf(matches, RequirementCategory.Skill),
            MeanOf(matches, RequirementCategory.Experience),
            MeanOf(matches, RequirementCategory.Education),
            MeanOf(matches, RequirementCategory.Language, RequirementCategory.Certification, RequirementCategory.Other));
        return new RoleScore(Math.Clamp(score, 0, 100), knockOuts.Count == 0, knockOuts, minimumCoverage, preferredCoverage, categories, profile, matches, weights, version);

        void Add(double? part, double weight)
        {
            if (part is null || weight <= 0) return;
            total += weight * part.Value;
            weightSum += weight;
        }
    }

    private static double? MeanOf(IReadOnlyList<RequirementMatch> matches, params RequirementCategory[] categories)
    {
        var scores = matches.Where(m => categories.Contains(m.Category)).Select(m => m.Score).ToList();
        return scores.Count > 0 ? scores.Average() : null;
    }
}
