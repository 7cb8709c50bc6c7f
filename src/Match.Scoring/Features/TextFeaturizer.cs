using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Match.Scoring.Features;

/// <summary>
/// Text → L2-normalised sparse TF-IDF vector. ML.NET FeaturizeText (no char grams, no norm, raw Tf) builds the n-gram
/// dictionary; we apply sublinear tf and smoothed idf from the fit corpus. Thread-safe: prediction engines are pooled.
/// </summary>
public sealed class TextFeaturizer
{
    private const string ModelFile = "featurizer.zip";
    private const string IdfFile = "idf.bin";
    private const string OptionsFile = "featurizer.json";

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly float[] _idf;
    private readonly string[] _terms;
    private readonly ConcurrentBag<PredictionEngine<TextInput, TextFeatures>> _engines = [];

    private TextFeaturizer(MLContext ml, ITransformer transformer, float[] idf, FeaturizerOptions options, int corpusSize, string[] terms)
    {
        _terms = terms;
        _ml = ml;
        _transformer = transformer;
        _idf = idf;
        Options = options;
        CorpusSize = corpusSize;
    }

    public FeaturizerOptions Options { get; }

    /// <summary>Number of training documents the dictionary and idf came from.</summary>
    public int CorpusSize { get; }

    /// <summary>Number of vector slots (distinct n-grams in the dictionary).</summary>
    public int Dimension => _idf.Length;

    /// <summary>Number of slots with a non-zero weight (n-grams at or above the minimum document frequency).</summary>
    public int ActiveTerms => _idf.Count(w => w > 0);

    /// <summary>The n-gram a slot stands for, words joined by '|' as ML.NET names them ("gaap", "us|gaap").</summary>
    public string TermAt(int slot) => _terms[slot];

    /// <summary>True when the slot is a single word, not a word n-gram.</summary>
    public bool IsUnigram(int slot) => !_terms[slot].Contains('|', StringComparison.Ordinal);

    /// <summary>Fits the dictionary and idf on <paramref name="corpus"/> (order matters: the dictionary is first-seen).</summary>
    public static TextFeaturizer Fit(IReadOnlyList<string> corpus, FeaturizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        var ml = new MLContext(seed: 0);
        var rows = ml.Data.LoadFromEnumerable(corpus.Select(t => new TextInput { Text = TermText.Prepare(t, options.Stemming) }));
        var transformer = BuildPipeline(ml, options).Fit(rows);

        var transformed = transformer.Transform(rows);
        var dimension = ((VectorDataViewType)transformed.Schema["Features"].Type).Size;
        var df = new int[dimension];
        var n = 0;
        foreach (var vector in transformed.GetColumn<VBuffer<float>>("Features"))
        {
            n++;
            foreach (var index in ActiveIndices(vector)) df[index]++;
        }

        var idf = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            idf[i] = df[i] < options.MinDocumentFrequency ? 0f : (float)(Math.Log((n + 1.0) / (df[i] + 1.0)) + 1.0);
        }

        return new TextFeaturizer(ml, transformer, idf, options, n, SlotNames(transformed.Schema["Features"]));
    }

    /// <summary>The unit-length vector of <paramref name="text"/>; empty when no known term occurs.</summary>
    public SparseVector Featurize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_engines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<TextInput, TextFeatures>(_transformer);
        }

        try
        {
            var output = engine.Predict(new TextInput { Text = TermText.Prepare(text, Options.Stemming) });
            return Weigh(output.Features);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private SparseVector Weigh(VBuffer<float> counts)
    {
        var indices = new List<int>();
        var values = new List<float>();
        var countValues = counts.GetValues();
        var countIndices = counts.GetIndices();
        double norm = 0;
        for (var k = 0; k < countValues.Length; k++)
        {
            var tf = countValues[k];
            if (tf <= 0) continue;
            var index = counts.IsDense ? k : countIndices[k];
            var idf = _idf[index];
            if (idf <= 0) continue;
            var weight = (Options.SublinearTf ? 1.0 + Math.Log(tf) : tf) * idf;
            indices.Add(index);
            values.Add((float)weight);
            norm += weight * weight;
        }

        if (norm == 0) return SparseVector.Empty;
        var scale = (float)(1.0 / Math.Sqrt(norm));
        var valueArray = values.ToArray();
        for (var k = 0; k < valueArray.Length; k++) valueArray[k] *= scale;
        return new SparseVector(indices.ToArray(), valueArray);
    }

    /// <summary>Writes the ML.NET model, the idf weights and the options into <paramref name="directory"/>.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<TextInput>()).Schema;
        _ml.Model.Save(_transformer, schema, Path.Combine(directory, ModelFile));
        using (var writer = new BinaryWriter(File.Create(Path.Combine(directory, IdfFile))))
        {
            writer.Write(CorpusSize);
            writer.Write(_idf.Length);
            foreach (var w in _idf) writer.Write(w);
        }

        File.WriteAllText(Path.Combine(directory, OptionsFile), JsonSerializer.Serialize(Options));
    }

    private static string[] SlotNames(DataViewSchema.Column column)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref names);
        var dense = names.DenseValues().Select(m => m.ToString()).ToArray();
        // Word-bag slots are named "w.term"; keep just the term.
        return dense.Select(t => t.StartsWith("w.", StringComparison.Ordinal) ? t[2..] : t).ToArray();
    }

    /// <summary>Reads a featurizer written by <see cref="Save"/>.</summary>
    public static TextFeaturizer Load(string directory)
    {
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(Path.Combine(directory, ModelFile), out _);
        using var reader = new BinaryReader(File.OpenRead(Path.Combine(directory, IdfFile)));
        var corpusSize = reader.ReadInt32();
        var idf = new float[reader.ReadInt32()];
        for (var i = 0; i < idf.Length; i++) idf[i] = reader.ReadSingle();
        var options = JsonSerializer.Deserialize<FeaturizerOptions>(File.ReadAllText(Path.Combine(directory, OptionsFile)))
            ?? throw new InvalidDataException($"{OptionsFile} is empty");
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<TextInput>());
        return new TextFeaturizer(ml, transformer, idf, options, corpusSize, SlotNames(transformer.GetOutputSchema(schema.Schema)["Features"]));
    }

    private static IEstimator<ITransformer> BuildPipeline(MLContext ml, FeaturizerOptions options)
    {
        var featurizing = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = options.RemoveStopWords
                ? new StopWordsRemovingEstimator.Options { Language = TextFeaturizingEstimator.Language.English }
                : null,
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = options.WordNgramLength,
                UseAllLengths = true,
                Weighting = NgramExtractingEstimator.WeightingCriteria.Tf,
                MaximumNgramsCount = Enumerable.Repeat(options.MaxNgramsPerLength, options.WordNgramLength).ToArray(),
            },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.None,
        };
        return ml.Transforms.Text.FeaturizeText("Features", featurizing, nameof(TextInput.Text));
    }

    private static IEnumerable<int> ActiveIndices(VBuffer<float> vector)
    {
        var values = vector.GetValues().ToArray();
        var indices = vector.GetIndices().ToArray();
        for (var k = 0; k < values.Length; k++)
        {
            if (values[k] > 0) yield return vector.IsDense ? k : indices[k];
        }
    }

    private sealed class TextInput
    {
        public string Text { get; set; } = string.Empty;
    }

    private sealed class TextFeatures
    {
        public VBuffer<float> Features { get; set; }
    }
}
