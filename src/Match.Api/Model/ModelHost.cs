using System.Text.Json;
using Match.Api.Infrastructure;
using Match.Data.Scores;
using Match.Scoring.Matching;
using Match.Scoring.Occupations;
using Microsoft.Extensions.Options;

namespace Match.Api.Model;

/// <summary>
/// Holds the current <see cref="MatchModel"/>. It is loaded from the newest version saved under <c>{DataFolder}/models/</c>, or fitted
/// on the stored corpus and saved when there is none. A refit (or a newer version saved by another process) is swapped in with
/// one reference write: requests that already hold the old model finish on it.
/// </summary>
public sealed partial class ModelHost : IDisposable
{
    private const string PartialPrefix = ".partial-";

    private readonly CorpusStore _corpus;
    private readonly ModelOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ModelHost> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _loadLock = new();
    private volatile MatchModel? _current;
    private Task<MatchModel>? _loading;

    public ModelHost(CorpusStore corpus, IOptions<ModelOptions> options, IOptions<DataOptions> data, TimeProvider clock, ILogger<ModelHost> logger)
    {
        _corpus = corpus;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        ModelsFolder = Path.GetFullPath(Path.Combine(data.Value.Folder, "models"));
    }

    /// <summary>Where versions are saved, one folder per version.</summary>
    public string ModelsFolder { get; }

    /// <summary>The model in use; null until the first load finishes.</summary>
    public MatchModel? Current => _current;

    /// <summary>True while the first load or fit is running.</summary>
    public bool IsLoading => _current is null && _loading is { IsCompleted: false };

    /// <summary>The model in use, loading or fitting it first if needed (the load is shared, and not cancelled with the caller).</summary>
    public ValueTask<MatchModel> GetAsync(CancellationToken cancellationToken = default) =>
        _current is { } model ? ValueTask.FromResult(model) : new ValueTask<MatchModel>(EnsureLoadedAsync().WaitAsync(cancellationToken));

    /// <summary>Starts (once) loading the newest saved version, or fitting and saving one when none is saved.</summary>
    public Task<MatchModel> EnsureLoadedAsync()
    {
        lock (_loadLock)
        {
            if (_loading is null || _loading.IsFaulted)
            {
                _loading = Task.Run(LoadOrFitAsync);
            }

            return _loading;
        }
    }

    /// <summary>Fits a new version on the stored corpus, saves it and swaps it in. Refits run one at a time.</summary>
    public async Task<MatchModel> RefitAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var model = await FitAndSaveAsync(cancellationToken);
            Swap(model);
            Prune(model.Version);
            return model;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Swaps in the newest saved version when it is newer than the current one (another process refitted); returns it, or null.</summary>
    public MatchModel? ReloadIfNewer()
    {
        if (_current is not { } current || Newest() is not { } newest || newest.Info.CreatedAt <= current.Info.CreatedAt)
        {
            return null;
        }

        var model = MatchModel.Load(newest.Folder);
        Swap(model);
        return model;
    }

    /// <summary>Fits and saves a new version without serving it (the <c>model refit</c> command); a running service picks it up.</summary>
    public async Task<MatchModel> FitAndSaveAsync(CancellationToken cancellationToken = default)
    {
        var documents = await _corpus.ReadAsync(cancellationToken);
        var occupations = string.IsNullOrWhiteSpace(_options.OccupationTitlesPath)
            ? null
            : OccupationTaxonomy.ReadOnetAlternateTitles(_options.OccupationTitlesPath);
        var started = _clock.GetTimestamp();
        var model = await Task.Run(() => MatchModel.Fit(documents, occupations, _options.ToModelOptions(), _clock), cancellationToken);
        LogFitted(model.Version, documents.Count, occupations?.Count ?? 0, _clock.GetElapsedTime(started).TotalSeconds);
        Save(model);
        return model;
    }

    private async Task<MatchModel> LoadOrFitAsync()
    {
        foreach (var saved in Saved())
        {
            try
            {
                var model = MatchModel.Load(saved.Folder);
                Swap(model);
                return model;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or UnauthorizedAccessException or FormatException)
            {
                LogUnreadable(saved.Folder, ex);
            }
        }

        return await RefitAsync();
    }

    private void Swap(MatchModel model)
    {
        var previous = Interlocked.Exchange(ref _current, model);
        if (previous?.Version != model.Version)
        {
            LogSwapped(model.Version, previous?.Version);
        }
    }

    // Written to a hidden folder, then renamed: a reader (or a crash) never sees half a version.
    private void Save(MatchModel model)
    {
        Directory.CreateDirectory(ModelsFolder);
        var target = Path.Combine(ModelsFolder, model.Version);
        var partial = Path.Combine(ModelsFolder, PartialPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(partial);
        try
        {
            model.Save(partial);
            if (Directory.Exists(target))
            {
                Directory.Delete(partial, recursive: true);
                return;
            }

            Directory.Move(partial, target);
        }
        catch
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }

            throw;
        }
    }

    private void Prune(string keep)
    {
        foreach (var old in Saved().Skip(Math.Max(1, _options.KeepVersions)).Where(s => s.Info.Version != keep))
        {
            try
            {
                Directory.Delete(old.Folder, recursive: true);
            }
            catch (IOException ex)
            {
                LogUnreadable(old.Folder, ex);
            }
        }
    }

    private SavedVersion? Newest() => Saved().FirstOrDefault();

    // Newest first by the time recorded in each version's model.json; folders that do not read are skipped.
    private List<SavedVersion> Saved()
    {
        if (!Directory.Exists(ModelsFolder))
        {
            return [];
        }

        var saved = new List<SavedVersion>();
        foreach (var folder in Directory.EnumerateDirectories(ModelsFolder).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            try
            {
                var info = JsonSerializer.Deserialize<ModelInfo>(File.ReadAllText(Path.Combine(folder, "model.json")));
                if (info is not null)
                {
                    saved.Add(new SavedVersion(folder, info));
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                LogUnreadable(folder, ex);
            }
        }

        return [.. saved.OrderByDescending(s => s.Info.CreatedAt).ThenByDescending(s => s.Info.Version, StringComparer.Ordinal)];
    }

    public void Dispose() => _writeLock.Dispose();

    private sealed record SavedVersion(string Folder, ModelInfo Info);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fitted model {Version} on {Documents} stored documents and {Occupations} occupations in {Seconds:F1} s")]
    private partial void LogFitted(string version, int documents, int occupations, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving model {Version} (was {Previous})")]
    private partial void LogSwapped(string version, string? previous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved model folder {Folder} could not be read")]
    private partial void LogUnreadable(string folder, Exception exception);
}
