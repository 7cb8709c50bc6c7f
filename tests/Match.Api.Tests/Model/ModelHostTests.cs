using Match.Api.Infrastructure;
using Match.Api.Model;
using Match.Data;
using Match.Data.Migrations;
using Match.Data.Scores;
using Match.Scoring.Matching;
using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Skills;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Match.Api.Tests.Model;

public sealed class ModelHostTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "match-model-tests", Guid.NewGuid().ToString("N"));
    private readonly SteppingClock _clock = new();
    private SqliteConnectionFactory _connections = null!;

    public async Task InitializeAsync()
    {
        _connections = new SqliteConnectionFactory(Path.Combine(_folder, "match.db"));
        await new MigrationRunner(_connections).ApplyAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_first_start_fits_and_saves_a_version_and_a_restart_loads_it_instead_of_fitting()
    {
        using var first = Host();
        var fitted = await first.EnsureLoadedAsync();
        using var restarted = Host();
        var loaded = await restarted.EnsureLoadedAsync();

        Assert.True(File.Exists(Path.Combine(_folder, "models", fitted.Version, "model.json")));
        Assert.Equal(fitted.Version, loaded.Version);
        Assert.Equal(fitted.Info.CreatedAt, loaded.Info.CreatedAt);
        Assert.Single(VersionFolders());
    }

    [Fact]
    public async Task A_refit_swaps_in_a_new_version_while_holders_of_the_old_one_keep_scoring_on_it()
    {
        using var host = Host();
        var old = await host.GetAsync();
        var role = old.Prepare(Role());
        var resume = old.Prepare(Resume());

        var refitted = await host.RefitAsync();

        Assert.NotEqual(old.Version, refitted.Version);
        Assert.Same(refitted, host.Current);
        Assert.Same(refitted, await host.GetAsync());
        var score = old.Score(role, resume); // an in-flight request finishes on the model it started with
        Assert.Equal(old.Version, score.ModelVersion);
        Assert.Equal(2, VersionFolders().Count);
    }

    [Fact]
    public async Task A_version_saved_by_another_process_is_swapped_in_by_the_reload_check()
    {
        using var serving = Host();
        var before = await serving.EnsureLoadedAsync();
        using var command = Host();
        Assert.Null(serving.ReloadIfNewer());

        var saved = await command.FitAndSaveAsync();
        var swapped = serving.ReloadIfNewer();

        Assert.NotEqual(before.Version, saved.Version);
        Assert.Equal(saved.Version, swapped?.Version);
        Assert.Equal(saved.Version, serving.Current?.Version);
        Assert.Null(command.Current); // the command saved it without serving it
    }

    [Fact]
    public async Task Refits_keep_only_the_newest_versions_on_disk()
    {
        using var host = Host(new ModelOptions { KeepVersions = 2 });
        await host.EnsureLoadedAsync();
        await host.RefitAsync();
        var newest = await host.RefitAsync();

        var folders = VersionFolders();
        Assert.Equal(2, folders.Count);
        Assert.Contains(newest.Version, folders);
        Assert.DoesNotContain(folders, f => f.StartsWith('.'));
    }

    [Fact]
    public async Task The_stored_corpus_is_fitted_on()
    {
        using var empty = Host();
        var before = await empty.FitAndSaveAsync();
        await using (var connection = await _connections.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO roles (title, posting_text, requirements_source, requirements_hash, created_at, updated_at)
                VALUES ('Glassblower', 'Shape molten glass into vessels.', 'parsed', 'x', '2026-01-01', '2026-01-01');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var after = await Host().FitAndSaveAsync();

        Assert.Equal(before.Info.CorpusSize + 1, after.Info.CorpusSize);
    }

    [Fact]
    public async Task The_configured_occupation_titles_are_used()
    {
        var titles = SharedTaxonomy();
        if (titles is null)
        {
            Console.WriteLine("shared/taxonomy/onet_alternate_titles.txt not found; skipping");
            return;
        }

        using var host = Host(new ModelOptions { OccupationTitlesPath = titles });
        var model = await host.EnsureLoadedAsync();

        Assert.True(model.Info.Occupations > 100, $"{model.Info.Occupations} occupations");
        Assert.Equal(model.Info.Occupations, MatchModel.Load(Path.Combine(_folder, "models", model.Version)).Info.Occupations);
    }

    private ModelHost Host(ModelOptions? options = null) => new(
        new CorpusStore(_connections),
        Options.Create(options ?? new ModelOptions()),
        Options.Create(new DataOptions { Folder = _folder }),
        _clock,
        NullLogger<ModelHost>.Instance);

    private List<string> VersionFolders() =>
        [.. Directory.GetDirectories(Path.Combine(_folder, "models")).Select(Path.GetFileName).OfType<string>()];

    private static RoleInput Role()
    {
        var posting = new PostingParser(BuiltInSkills.Create()).Parse(Scoring.ScoringApi.DataEngineerPosting);
        return new RoleInput("Senior Data Engineer", Scoring.ScoringApi.DataEngineerPosting, posting.Requirements);
    }

    private static ResumeProfile Resume() => new ResumeAnalyzer(BuiltInSkills.Create(), TimeProvider.System).Analyze(Scoring.ScoringApi.DataEngineerResume);

    internal static string? SharedTaxonomy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "taxonomy", "onet_alternate_titles.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A clock a second later at every reading, so back-to-back fits get distinct version ids (they embed the time).</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
