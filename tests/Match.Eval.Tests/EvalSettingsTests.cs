using Match.Scoring.Features;
using Match.Scoring.Matching;

namespace Match.Eval.Tests;

public class EvalSettingsTests
{
    [Fact]
    public void Every_option_is_read()
    {
        var settings = EvalSettings.Parse(
        [
            "--roles", "r.jsonl", "--resumes", "s.jsonl", "--qrels", "q.tsv", "--run", "out.run", "--occupations", "onet.txt",
            "--requirements", "req", "--depth", "50", "--today", "2025-03-01", "--direction", "resumes-to-roles",
        ]);

        Assert.Equal(
            new EvalSettings
            {
                RolesPath = "r.jsonl",
                ResumesPath = "s.jsonl",
                QrelsPath = "q.tsv",
                RunPath = "out.run",
                OccupationsPath = "onet.txt",
                RequirementsDirectory = "req",
                Depth = 50,
                Today = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero),
                ResumesToRoles = true,
            },
            settings);
    }

    [Fact]
    public void Model_options_are_read_into_the_featurizer_and_occupation_settings()
    {
        var settings = EvalSettings.Parse(["--ngrams", "1", "--stemming", "porter", "--keep-stop-words", "--min-df", "3", "--sublinear-tf", "--top-k", "5"]);

        Assert.Equal(
            new MatchModelOptions
            {
                Featurizer = new FeaturizerOptions { WordNgramLength = 1, Stemming = Stemming.Porter, RemoveStopWords = false, MinDocumentFrequency = 3, SublinearTf = true },
                OccupationTopK = 5,
            },
            settings.Model);
        Assert.Equal(new MatchModelOptions(), EvalSettings.Parse([]).Model);
    }

    [Fact]
    public void Defaults_apply_when_options_are_absent()
    {
        var settings = EvalSettings.Parse([]);

        Assert.Null(settings.RolesPath);
        Assert.Equal(100, settings.Depth);
        Assert.False(settings.ResumesToRoles);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), settings.Today);
        Assert.False(EvalSettings.Parse(["--direction", "roles-to-resumes"]).ResumesToRoles);
    }

    [Theory]
    [InlineData("--depth", "0")]
    [InlineData("--depth", "ten")]
    [InlineData("--today", "someday")]
    [InlineData("--direction", "sideways")]
    [InlineData("--colour", "blue")]
    [InlineData("--roles")]
    [InlineData("--ngrams", "0")]
    [InlineData("--stemming", "snowball")]
    [InlineData("--top-k", "-3")]
    public void Bad_options_are_refused(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => EvalSettings.Parse(args));
    }

    [Fact]
    public async Task The_command_prints_usage_and_exits_2_on_bad_arguments()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EvalCommand.RunAsync(["--depth", "-1"], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("--depth takes a positive whole number", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Match.Eval", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task The_command_needs_roles_resumes_and_qrels_to_rank()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EvalCommand.RunAsync(["--roles", "r.jsonl"], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("--qrels", stderr.ToString(), StringComparison.Ordinal);
    }
}
