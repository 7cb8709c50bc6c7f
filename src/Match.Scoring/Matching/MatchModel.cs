using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Match.Scoring.Occupations;
using Match.Scoring.Resumes;
using Match.Scoring.Features;

namespace Match.Scoring.Matching;

/// <summary>Options of a model fit: the featurizer's and the occupation projection's.</summary>
public sealed record MatchModelOptions
{
    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>How many closest occupations a text keeps (measured best between 5 and 20; README "Model").</summary>
    public int OccupationTopK { get; init; } = 10;
}

/// <summary>What identifies a fitted model: version id, when, on how much text, with which options.</summary>
public sealed record ModelInfo(
    string Version,
    DateTimeOffset CreatedAt,
    int CorpusSize,
    int Dimension,
    int ActiveTerms,
    int Occupations,
    MatchModelOptions Options);

/// <summary>
/// A fitted, versioned matching model: featurizer, optional occupation index, and the scorer that uses them.
/// Immutable and thread-safe; a refit produces a new instance with a new version.
/// </summary>
public sealed class MatchModel
{
    private const string InfoFile = "model.json";
    private const string OccupationsFile = "occupations.tsv";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly TextFeaturizer _featurizer;
    private readonly IReadOnlyList<Occupation> _occupationList;
    private readonly OccupationIndex? _occupations;

    private MatchModel(ModelInfo info, TextFeaturizer featurizer, IReadOnlyList<Occupation> occupations)
    {
        Info = info;
        _featurizer = featurizer;
        _occupationList = occupations;
        _occupations = occupations.Count > 0 ? new OccupationIndex(occupations, featurizer, info.Options.OccupationTopK) : null;
    }

    public ModelInfo Info { get; }
    public string Version => Info.Version;

    /// <summary>
    /// Fits on <paramref name="documents"/> (role and résumé texts; the built-in corpus is added first) and, when given,
    /// the occupations' title lists. The same inputs give the same vectors; only the version id and time differ.
    /// </summary>
    public static MatchModel Fit(IEnumerable<string> documents, IReadOnlyList<Occupation>? occupations, MatchModelOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        occupations ??= [];
        var corpus = BuiltInCorpus.Documents
            .Concat(occupations.Select(o => string.Join('\n', o.Titles)))
            .Concat(documents)
            .ToList();
        var featurizer = TextFeaturizer.Fit(corpus, options.Featurizer);
        var created = clock.GetUtcNow();
        var info = new ModelInfo(
            VersionId(created, corpus, options),
            created,
            featurizer.CorpusSize,
            featurizer.Dimension,
            featurizer.ActiveTerms,
            occupations.Count,
            options);
        return new MatchModel(info, featurizer, occupations);
    }

    /// <summary>Featurizes a role once for scoring against many résumés.</summary>
    public PreparedRole Prepare(RoleInput role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var document = _featurizer.Featurize(role.Title + "\n" + role.Text);
        var title = _featurizer.Featurize(role.Title);
        // Evidence is searched on the requirement's content words alone: a bigram's weight would be coverage no line can show.
        var requirements = role.Requirements.Select(r => UnigramsOf(_featurizer.Featurize(RequirementQuery.ContentOf(r.Text)))).ToArray();
        // The "topic" of a requirement: what its years are of, the fields its degree is in, else its own text.
        var yearsTopics = role.Requirements
            .Select((r, i) => r.Attributes switch
            {
                { Degree: not null, DegreeFields.Count: > 0 } a => _featurizer.Featurize(string.Join(' ', a.DegreeFields)),
                { YearsOf.Length: > 0 } a => UnigramsOf(_featurizer.Featurize(a.YearsOf!)),
                _ => requirements[i],
            })
            .ToArray();
        return new PreparedRole(role, document, title, Project(document), requirements, yearsTopics, Version);
    }

    /// <summary>Featurizes a résumé once for scoring against many roles.</summary>
    public PreparedResume Prepare(ResumeProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var units = EvidenceUnit.Split(profile);
        var unitVectors = units.Select(u => _featurizer.Featurize(u.Text)).ToArray();
        var document = _featurizer.Featurize(profile.Text);
        var positions = PositionsOf(profile);
        var positionLines = string.Join('\n', positions.Select(p => LineAround(profile.Text, p.Period.TextStart)));
        var prepared = positions.Select(p => p with { Vector = _featurizer.Featurize(profile.Text.Substring(p.TextStart, p.TextLength)) }).ToList();
        var field = profile.DegreeField is { } f ? _featurizer.Featurize(f) : null;
        return new PreparedResume(profile, units, unitVectors, document, _featurizer.Featurize(positionLines), Project(document), prepared, field, Version);
    }

    /// <summary>Scores a prepared résumé against a prepared role, both from this model version.</summary>
    public RoleScore Score(PreparedRole role, PreparedResume resume, ScoreWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(resume);
        if (role.ModelVersion != Version || resume.ModelVersion != Version)
        {
            throw new InvalidOperationException("role and résumé must be prepared by the model that scores them");
        }

        weights ??= ScoreWeights.Default;
        var profile = ProfileFitOf(role, resume);
        var matches = RequirementMatcher.Match(role, resume);
        return RoleScoring.Combine(matches, profile, weights, Version);
    }

    private ProfileFit ProfileFitOf(PreparedRole role, PreparedResume resume)
    {
        // Cosines of unit vectors, clamped: float rounding can put identical texts a hair above 1.
        var text = Math.Clamp(role.Document.Dot(resume.Document), 0, 1);
        var title = Math.Clamp(role.Title.Dot(resume.PositionTitles), 0, 1);
        var occupation = Math.Clamp(role.Occupations.Dot(resume.Occupations), 0, 1);
        var shared = _occupations?.Shared(role.Occupations, resume.Occupations, 3) ?? [];
        return new ProfileFit(text, title, occupation, ProfileBlend.Of(text, title, occupation, _occupations is not null), shared);
    }

    private SparseVector UnigramsOf(SparseVector vector)
    {
        var keep = Enumerable.Range(0, vector.Count).Where(k => _featurizer.IsUnigram(vector.Indices[k])).ToArray();
        return new SparseVector(keep.Select(k => vector.Indices[k]).ToArray(), keep.Select(k => vector.Values[k]).ToArray()).Normalize();
    }

    private SparseVector Project(SparseVector document) => _occupations?.Project(document) ?? SparseVector.Empty;

    // A position's text runs from its dated line to the next dated line (or 1,500 characters at most).
    private static List<PreparedPosition> PositionsOf(ResumeProfile profile)
    {
        var text = profile.Text;
        var ordered = profile.Periods.OrderBy(p => p.TextStart).ToList();
        var positions = new List<PreparedPosition>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var start = LineStart(text, ordered[i].TextStart);
            var end = i + 1 < ordered.Count ? LineStart(text, ordered[i + 1].TextStart) : text.Length;
            end = Math.Min(Math.Max(end, start), start + 1500);
            positions.Add(new PreparedPosition(ordered[i], start, end - start, SparseVector.Empty));
        }

        return positions;
    }

    private static int LineStart(string text, int offset)
    {
        var i = text.LastIndexOf('\n', Math.Clamp(offset, 0, Math.Max(0, text.Length - 1)));
        return i < 0 ? 0 : i + 1;
    }

    private static string LineAround(string text, int offset)
    {
        var start = LineStart(text, offset);
        var end = text.IndexOf('\n', Math.Min(offset, text.Length));
        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>Writes the model into <paramref name="directory"/> (featurizer, occupations, model.json).</summary>
    public void Save(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _featurizer.Save(directory);
        using (var writer = new StreamWriter(Path.Combine(directory, OccupationsFile), false, new UTF8Encoding(false)))
        {
            foreach (var o in _occupationList)
            {
                writer.WriteLine($"{o.Code}\t{o.Name}\t{string.Join('|', o.Titles)}");
            }
        }

        File.WriteAllText(Path.Combine(directory, InfoFile), JsonSerializer.Serialize(Info, Json));
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static MatchModel Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var info = JsonSerializer.Deserialize<ModelInfo>(File.ReadAllText(Path.Combine(directory, InfoFile)))
            ?? throw new InvalidDataException($"{InfoFile} is empty");
        var occupations = File.ReadLines(Path.Combine(directory, OccupationsFile))
            .Select(line => line.Split('\t'))
            .Where(f => f.Length == 3)
            .Select(f => new Occupation(f[0], f[1], f[2].Split('|')))
            .ToList();
        return new MatchModel(info, TextFeaturizer.Load(directory), occupations);
    }

    private static string VersionId(DateTimeOffset created, IReadOnlyList<string> corpus, MatchModelOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(options)));
        foreach (var document in corpus)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(document));
            hash.AppendData([0]);
        }

        var digest = Convert.ToHexStringLower(hash.GetHashAndReset())[..8];
        return $"m{created.UtcDateTime:yyyyMMddHHmmss}-{digest}";
    }
}
