using System.Text.Json;
using Match.Scoring.Features;
using Match.Scoring.Matching;
using Match.Scoring.Postings;
using static Match.Scoring.Tests.Matching.MatchingFixtures;

namespace Match.Scoring.Tests.Matching;

public sealed class DeterminismTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "match-model-" + Guid.NewGuid().ToString("N"));

    private static readonly Requirement[] Requirements =
    [
        Minimum("5 years of experience in accounting"),
        Minimum("Bachelor's degree in Accounting or Finance"),
        Minimum("CPA certification"),
        Preferred("Fluency in English and Spanish"),
        Preferred("Experience with QuickBooks and Excel"),
    ];

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void The_same_inputs_and_model_give_bit_identical_scores()
    {
        var first = Score(AccountingRole, Accountant, Requirements);
        var second = Score(AccountingRole, Accountant, Requirements);

        AssertIdentical(first, second);
    }

    [Fact]
    public void Fitting_twice_on_the_same_corpus_gives_the_same_vectors_version_and_scores()
    {
        var a = MatchModel.Fit(Corpus, null, new MatchModelOptions(), Clock);
        var b = MatchModel.Fit(Corpus, null, new MatchModelOptions(), Clock);

        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Info.Dimension, b.Info.Dimension);
        var roleA = a.Prepare(Role(AccountingRole, Requirements));
        var roleB = b.Prepare(Role(AccountingRole, Requirements));
        AssertSameVector(roleA.Document, roleB.Document);
        AssertSameVector(roleA.Title, roleB.Title);
        for (var i = 0; i < Requirements.Length; i++)
        {
            AssertSameVector(roleA.RequirementVectors[i], roleB.RequirementVectors[i]);
        }

        var resumeA = a.Prepare(Analyzer.Analyze(Accountant));
        var resumeB = b.Prepare(Analyzer.Analyze(Accountant));
        AssertSameVector(resumeA.Document, resumeB.Document);
        AssertIdentical(a.Score(roleA, resumeA), b.Score(roleB, resumeB));
    }

    [Fact]
    public void A_different_corpus_gives_a_different_version()
    {
        var a = MatchModel.Fit(Corpus, null, new MatchModelOptions(), Clock);
        var b = MatchModel.Fit(Corpus.Skip(1), null, new MatchModelOptions(), Clock);

        Assert.NotEqual(a.Version, b.Version);
    }

    [Fact]
    public void Save_then_load_gives_the_same_version_and_identical_scores()
    {
        var model = Model;
        model.Save(_directory);
        var loaded = MatchModel.Load(_directory);

        Assert.Equal(model.Version, loaded.Version);
        Assert.Equal(model.Info.Dimension, loaded.Info.Dimension);
        Assert.Equal(model.Info.ActiveTerms, loaded.Info.ActiveTerms);
        foreach (var resume in new[] { Accountant, JuniorAccountant, Chef, SelfTaughtEngineer })
        {
            var profile = Analyzer.Analyze(resume);
            var original = model.Score(model.Prepare(Role(AccountingRole, Requirements)), model.Prepare(profile));
            var reloaded = loaded.Score(loaded.Prepare(Role(AccountingRole, Requirements)), loaded.Prepare(profile));
            AssertIdentical(original, reloaded);
        }
    }

    [Fact]
    public void A_role_prepared_by_another_model_version_is_refused()
    {
        var other = MatchModel.Fit(Corpus.Skip(1), null, new MatchModelOptions(), Clock);
        var role = other.Prepare(Role(AccountingRole, Requirements));
        var resume = Model.Prepare(Analyzer.Analyze(Accountant));

        Assert.Throws<InvalidOperationException>(() => Model.Score(role, resume));
    }

    internal static void AssertIdentical(RoleScore expected, RoleScore actual)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Score), BitConverter.DoubleToInt64Bits(actual.Score));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Profile.Blend), BitConverter.DoubleToInt64Bits(actual.Profile.Blend));
        Assert.Equal(
            expected.Requirements.Select(r => BitConverter.DoubleToInt64Bits(r.Score)),
            actual.Requirements.Select(r => BitConverter.DoubleToInt64Bits(r.Score)));
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
    }

    private static void AssertSameVector(SparseVector expected, SparseVector actual)
    {
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Values.Select(BitConverter.SingleToInt32Bits), actual.Values.Select(BitConverter.SingleToInt32Bits));
    }
}
