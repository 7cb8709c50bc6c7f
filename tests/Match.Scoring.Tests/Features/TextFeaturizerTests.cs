using Match.Scoring.Features;

namespace Match.Scoring.Tests.Features;

public sealed class TextFeaturizerTests : IDisposable
{
    // Every word a test relies on occurs in at least two documents (the default minimum document frequency).
    private static readonly string[] Corpus =
    [
        "Senior C++ developer building trading systems in C++ and Python",
        "C# developer for .NET services, with SQL Server",
        ".NET engineer writing C# and SQL for payment services",
        "C++ embedded developer, Python test tools",
        "Accountant preparing financial statements and tax returns",
        "Staff accountant: general ledger, reconciliations, financial statements",
        "Chef running a kitchen, menu planning, food safety",
        "Line cook, food safety, kitchen prep and menu items",
    ];

    private static readonly Lazy<TextFeaturizer> LazyFeaturizer = new(() => TextFeaturizer.Fit(Corpus, new FeaturizerOptions()));

    private static TextFeaturizer Featurizer => LazyFeaturizer.Value;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "match-featurizer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("Senior C++ developer")]
    [InlineData("accountant financial statements general ledger")]
    [InlineData("kitchen kitchen kitchen food safety")]
    [InlineData("Python")]
    [InlineData("zzqx unknownword")]
    [InlineData("")]
    [InlineData("the and of")]
    public void Vectors_are_unit_length_or_empty(string text)
    {
        var vector = Featurizer.Featurize(text);

        if (vector.IsEmpty) return;
        var norm = Math.Sqrt(vector.Values.Sum(v => (double)v * v));
        Assert.Equal(1.0, norm, 5);
        Assert.Equal(vector.Indices.Order(), vector.Indices);
        Assert.Equal(vector.Indices.Length, vector.Indices.Distinct().Count());
        Assert.All(vector.Values, v => Assert.True(v > 0));
    }

    [Fact]
    public void Unseen_words_are_dropped()
    {
        Assert.True(Featurizer.Featurize("zzqx flibbertigibbet").IsEmpty);

        var known = Featurizer.Featurize("accountant financial statements");
        var withUnseen = Featurizer.Featurize("zzqx accountant flibbertigibbet financial statements");

        Assert.False(known.IsEmpty);
        Assert.Equal(
            known.Indices.Where(Featurizer.IsUnigram).Select(Featurizer.TermAt).Order(),
            withUnseen.Indices.Where(Featurizer.IsUnigram).Select(Featurizer.TermAt).Order());
        Assert.DoesNotContain(withUnseen.Indices.Select(Featurizer.TermAt), t => t.Contains("zzqx", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_seen_in_one_training_document_only_weigh_nothing()
    {
        // "trading" occurs once in the corpus: below the minimum document frequency of 2.
        Assert.True(Featurizer.Featurize("trading").IsEmpty);
        Assert.False(Featurizer.Featurize("kitchen").IsEmpty);
    }

    [Fact]
    public void Cpp_csharp_and_dotnet_are_distinct_terms()
    {
        var cpp = Terms("C++");
        var csharp = Terms("C#");
        var dotnet = Terms(".NET");

        // One term each (plural folding turns "cplusplus" into "cplusplu": harmless, both sides are folded alike).
        Assert.StartsWith("cplusplu", Assert.Single(cpp), StringComparison.Ordinal);
        Assert.Equal("csharp", Assert.Single(csharp));
        Assert.Equal("dotnet", Assert.Single(dotnet));
        Assert.Equal(0, Featurizer.Featurize("C++").Dot(Featurizer.Featurize("C#")));
        Assert.Equal(0, Featurizer.Featurize("C#").Dot(Featurizer.Featurize(".NET")));
        Assert.Equal(0, Featurizer.Featurize("C++").Dot(Featurizer.Featurize(".NET")));
    }

    [Theory]
    [InlineData("accountant\tfinancial\nstatements")]
    [InlineData("accountant\r\nfinancial\u00A0statements")]
    [InlineData("accountant,financial;statements")]
    public void Whitespace_other_than_space_does_not_glue_words(string text)
    {
        var expected = Featurizer.Featurize("accountant financial statements");
        var actual = Featurizer.Featurize(text);

        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Values, actual.Values);
        Assert.Contains("financial|statement", actual.Indices.Select(Featurizer.TermAt));
    }

    [Fact]
    public void Related_texts_are_closer_than_unrelated_ones()
    {
        var accountant = Featurizer.Featurize("accountant general ledger financial statements");
        var staff = Featurizer.Featurize("staff accountant reconciliations financial statements");
        var chef = Featurizer.Featurize("chef kitchen menu planning");

        Assert.True(accountant.Dot(staff) > accountant.Dot(chef));
        Assert.Equal(1.0, accountant.Dot(accountant), 5);
    }

    [Fact]
    public void Fitting_twice_gives_identical_vectors_and_save_load_keeps_them()
    {
        var again = TextFeaturizer.Fit(Corpus, new FeaturizerOptions());
        Featurizer.Save(_directory);
        var loaded = TextFeaturizer.Load(_directory);

        Assert.Equal(Featurizer.Dimension, again.Dimension);
        Assert.Equal(Featurizer.Dimension, loaded.Dimension);
        Assert.Equal(Featurizer.CorpusSize, loaded.CorpusSize);
        Assert.Equal(Featurizer.Options, loaded.Options);
        foreach (var text in Corpus.Append("C# and C++ developer in the kitchen"))
        {
            var expected = Featurizer.Featurize(text);
            foreach (var other in new[] { again, loaded })
            {
                var actual = other.Featurize(text);
                Assert.Equal(expected.Indices, actual.Indices);
                Assert.Equal(expected.Values.Select(BitConverter.SingleToInt32Bits), actual.Values.Select(BitConverter.SingleToInt32Bits));
            }
        }
    }

    [Fact]
    public void Featurizing_from_many_threads_gives_the_serial_vectors()
    {
        var texts = Corpus.Concat(Corpus.Select(t => t.ToUpperInvariant())).ToArray();
        var serial = texts.Select(Featurizer.Featurize).ToArray();

        var parallel = new SparseVector[texts.Length * 20];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => parallel[i] = Featurizer.Featurize(texts[i % texts.Length]));

        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(serial[i % texts.Length].Indices, parallel[i].Indices);
            Assert.Equal(serial[i % texts.Length].Values, parallel[i].Values);
        }
    }

    [Fact]
    public void SparseVector_dot_normalize_and_from_pairs()
    {
        var a = SparseVector.FromPairs([new(3, 1.0), new(1, 2.0), new(3, 1.0), new(7, 0.0)]);

        Assert.Equal([1, 3], a.Indices);
        Assert.Equal([2f, 2f], a.Values);
        Assert.Equal(8.0, a.Dot(a));
        Assert.Equal(1.0, a.Normalize().Dot(a.Normalize()), 6);
        Assert.Same(SparseVector.Empty, SparseVector.Empty.Normalize());
        Assert.Equal(0, a.Dot(new SparseVector([2, 5], [1f, 1f])));
        Assert.Throws<ArgumentException>(() => new SparseVector([1], []));
    }

    private static string[] Terms(string text) =>
        Featurizer.Featurize(text).Indices.Select(Featurizer.TermAt).ToArray();
}
