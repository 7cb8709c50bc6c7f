namespace Match.Scoring.Features;

/// <summary>
/// Slot → the (item, weight) entries of the vectors that have it, items numbered by their position in the input: scores
/// one query against many vectors while touching only the slots they share. Immutable and thread-safe.
/// </summary>
internal sealed class InvertedIndex
{
    private readonly Dictionary<int, (int Item, float Weight)[]> _postings;

    public InvertedIndex(IEnumerable<SparseVector> vectors)
    {
        var postings = new Dictionary<int, List<(int, float)>>();
        var item = 0;
        foreach (var vector in vectors)
        {
            for (var k = 0; k < vector.Count; k++)
            {
                if (!postings.TryGetValue(vector.Indices[k], out var list)) postings[vector.Indices[k]] = list = [];
                list.Add((item, vector.Values[k]));
            }

            item++;
        }

        _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>The entries of <paramref name="slot"/>, empty when no vector has it.</summary>
    public ReadOnlySpan<(int Item, float Weight)> this[int slot] => _postings.TryGetValue(slot, out var list) ? list : [];
}
