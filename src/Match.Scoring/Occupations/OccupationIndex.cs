using Match.Scoring.Features;

namespace Match.Scoring.Occupations;

/// <summary>A text's closest occupations with their cosine similarity in [0, 1].</summary>
public sealed record OccupationFit(string Code, string Name, double Similarity);

/// <summary>
/// Projects a text vector onto occupations: cosine with each occupation's title-list vector, kept to the top K and
/// re-normalised. Two texts about the same trade land on the same occupations even with few words in common.
/// Immutable and thread-safe.
/// </summary>
public sealed class OccupationIndex
{
    private readonly IReadOnlyList<Occupation> _occupations;
    private readonly InvertedIndex _postings;

    public OccupationIndex(IReadOnlyList<Occupation> occupations, TextFeaturizer featurizer, int topK)
    {
        ArgumentNullException.ThrowIfNull(occupations);
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        _occupations = occupations;
        TopK = topK;
        _postings = new InvertedIndex(occupations.Select(o => featurizer.Featurize(string.Join('\n', o.Titles))));
    }

    public int Count => _occupations.Count;

    /// <summary>How many occupations a projection keeps.</summary>
    public int TopK { get; }

    /// <summary>The unit vector over occupation ids holding the top K cosines of <paramref name="text"/> with each occupation.</summary>
    public SparseVector Project(SparseVector text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new double[_occupations.Count];
        for (var k = 0; k < text.Count; k++)
        {
            var w = text.Values[k];
            foreach (var (occupation, weight) in _postings[text.Indices[k]]) scores[occupation] += w * weight;
        }

        var top = Enumerable.Range(0, scores.Length)
            .Where(i => scores[i] > 0)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(TopK)
            .OrderBy(i => i)
            .ToArray();
        return new SparseVector(top, top.Select(i => (float)scores[i]).ToArray()).Normalize();
    }

    /// <summary>The occupations both projections share, strongest contribution first.</summary>
    public IReadOnlyList<OccupationFit> Shared(SparseVector a, SparseVector b, int max)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var fits = new List<OccupationFit>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            if (a.Indices[i] == b.Indices[j])
            {
                var occupation = _occupations[a.Indices[i]];
                fits.Add(new OccupationFit(occupation.Code, occupation.Name, (double)a.Values[i] * b.Values[j]));
                i++;
                j++;
            }
            else if (a.Indices[i] < b.Indices[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return fits.OrderByDescending(f => f.Similarity).Take(max).ToList();
    }
}
