using System.Text.Json;
using Match.Scoring.Matching;
using Match.Scoring.Postings;
using static Match.Scoring.Tests.Matching.MatchingFixtures;

namespace Match.Scoring.Tests.Matching;

public class RoleScoreTests
{
    private static readonly Requirement[] AccountingRequirements =
    [
        Minimum("5 years of experience in accounting"),
        Minimum("Fluent in Japanese"),
        Minimum("CPA certification"),
        Preferred("Experience with QuickBooks and Excel"),
        Preferred("Bachelor's degree in Accounting or Finance"),
    ];

    [Theory]
    [InlineData("accountant")]
    [InlineData("junior-accountant")]
    [InlineData("chef")]
    [InlineData("self-taught-engineer")]
    [InlineData("junior-engineer")]
    public void Score_is_in_0_to_100_and_requirement_scores_in_0_to_1(string resume)
    {
        var score = Score(AccountingRole, Resume(resume), AccountingRequirements);

        Assert.InRange(score.Score, 0, 100);
        Assert.Equal(AccountingRequirements.Length, score.Requirements.Count);
        Assert.All(score.Requirements, r => Assert.InRange(r.Score, 0, 1));
        Assert.Equal(Model.Version, score.ModelVersion);
    }

    [Fact]
    public void A_missing_minimum_is_a_knock_out_by_index_and_the_candidate_is_still_scored()
    {
        var score = Score(AccountingRole, Accountant, AccountingRequirements);

        Assert.False(score.MeetsAllMinimums);
        Assert.Equal([1], score.KnockOuts);
        Assert.Equal(RequirementStatus.Missing, score.Requirements[1].Status);
        Assert.Equal(RequirementStatus.Met, score.Requirements[0].Status);
        Assert.Equal(RequirementStatus.Met, score.Requirements[2].Status);
        Assert.True(score.Score > 0, $"score {score.Score}");
    }

    [Fact]
    public void Meeting_every_minimum_means_no_knock_outs()
    {
        var score = Score(AccountingRole, Accountant, AccountingRequirements[0], AccountingRequirements[2], AccountingRequirements[3]);

        Assert.True(score.MeetsAllMinimums);
        Assert.Empty(score.KnockOuts);
    }

    [Fact]
    public void Only_minimums_knock_out_a_missing_preferred_does_not()
    {
        var score = Score(AccountingRole, Chef, Preferred("CPA certification"), Preferred("Fluent in Japanese"));

        Assert.All(score.Requirements, r => Assert.Equal(RequirementStatus.Missing, r.Status));
        Assert.True(score.MeetsAllMinimums);
        Assert.Empty(score.KnockOuts);
        Assert.Null(score.MinimumCoverage);
    }

    [Fact]
    public void Weights_given_are_echoed_and_applied_to_the_parts()
    {
        var weights = new ScoreWeights { Minimum = 0.5, Preferred = 0.3, Profile = 0.2 };
        var role = Model.Prepare(Role(AccountingRole, AccountingRequirements));
        var resume = Model.Prepare(Analyzer.Analyze(JuniorAccountant));

        var weighted = Model.Score(role, resume, weights);
        var byDefault = Model.Score(role, resume);

        Assert.Same(weights, weighted.Weights);
        Assert.Equal(ScoreWeights.Default, byDefault.Weights);
        var expected = 100 * ((0.5 * weighted.MinimumCoverage!.Value) + (0.3 * weighted.PreferredCoverage!.Value) + (0.2 * weighted.Profile.Blend));
        Assert.Equal(expected, weighted.Score, 3);
        Assert.NotEqual(byDefault.Score, weighted.Score);
    }

    [Fact]
    public void Weights_normalise_over_the_parts_a_role_has()
    {
        // No preferred requirements: the preferred weight drops out, and a zero profile weight leaves the minimums alone.
        var weights = new ScoreWeights { Minimum = 1, Preferred = 5, Profile = 0 };

        var score = Model.Score(Model.Prepare(Role(AccountingRole, Minimum("5 years of experience in accounting"))), Model.Prepare(Analyzer.Analyze(JuniorAccountant)), weights);

        Assert.Null(score.PreferredCoverage);
        Assert.InRange(score.MinimumCoverage!.Value, 0.01, 0.99);
        Assert.Equal(100 * score.MinimumCoverage.Value, score.Score, 3);
    }

    [Theory]
    [InlineData("accountant", "5 years of experience in accounting", "Fluent in Japanese")]
    [InlineData("accountant", "CPA certification", "Experience with Kubernetes and Docker")]
    [InlineData("self-taught-engineer", "Experience with Kubernetes and Docker", "CPA certification")]
    [InlineData("junior-accountant", "Experience with QuickBooks and Excel", "Fluent in Japanese")]
    public void Minimums_weigh_more_than_preferred(string resume, string held, string lacking)
    {
        // Same résumé and same role text (so the same profile fit); only which requirement is the minimum changes.
        var prepared = Model.Prepare(Analyzer.Analyze(Resume(resume)));
        var meetsMinimum = Model.Score(Model.Prepare(Role(AccountingRole, Minimum(held), Preferred(lacking))), prepared);
        var meetsPreferred = Model.Score(Model.Prepare(Role(AccountingRole, Minimum(lacking), Preferred(held))), prepared);

        Assert.Equal(meetsMinimum.Profile.Blend, meetsPreferred.Profile.Blend);
        Assert.Equal(RequirementStatus.Met, meetsMinimum.Requirements[0].Status);
        Assert.Equal(RequirementStatus.Missing, meetsMinimum.Requirements[1].Status);
        Assert.True(meetsMinimum.Score > meetsPreferred.Score, $"all minimums {meetsMinimum.Score} vs all preferred {meetsPreferred.Score}");
        Assert.True(meetsMinimum.MeetsAllMinimums);
        Assert.False(meetsPreferred.MeetsAllMinimums);
    }

    [Fact]
    public void A_role_without_requirements_is_scored_on_profile_fit_alone()
    {
        var accountant = Score(AccountingRole, Accountant);
        var chef = Score(AccountingRole, Chef);

        Assert.True(accountant.MeetsAllMinimums);
        Assert.Null(accountant.MinimumCoverage);
        Assert.Equal(100 * accountant.Profile.Blend, accountant.Score, 3);
        Assert.True(accountant.Score > chef.Score, $"accountant {accountant.Score}, chef {chef.Score}");
    }

    [Fact]
    public void A_role_score_round_trips_through_json()
    {
        var score = Score(AccountingRole, Accountant, AccountingRequirements);

        var json = JsonSerializer.Serialize(score);

        Assert.Contains("\"KnockOuts\":[1]", json, StringComparison.Ordinal);
        Assert.Contains(Model.Version, json, StringComparison.Ordinal);
    }
}
