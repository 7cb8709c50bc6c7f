namespace Match.Scoring.Features;

/// <summary>An immutable sparse vector: ascending slot indices with their values. Usually L2-normalised (norm 1).</summary>
public sealed class SparseVector
{
    public static readonly SparseVector Empty = new([], []);

    public SparseVector(int[] indices, float[] values)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        if (indices.Length != values.Length) throw new ArgumentException("indices and values differ in length", nameof(values));
        Indices = indices;
        Values = values;
    }

    public int[] Indices { get; }
    public float[] Values { get; }
    public int Count => Indices.Length;
    public bool IsEmpty => Indices.Length == 0;

    /// <summary>Dot product by merging the two index lists; the cosine when both are unit vectors.</summary>
    public double Dot(SparseVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double sum = 0;
        int i = 0, j = 0;
        var a = Indices;
        var b = other.Indices;
        while (i < a.Length && j < b.Length)
        {
            var d = a[i] - b[j];
            if (d == 0)
            {
                sum += (double)Values[i] * other.Values[j];
                i++;
                j++;
            }
            else if (d < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>Share of this (unit) vector's squared weight on slots <paramref name="other"/> also has, in [0, 1].</summary>
    public double CoveredBy(SparseVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double sum = 0;
        int i = 0, j = 0;
        while (i < Indices.Length && j < other.Indices.Length)
        {
            var d = Indices[i] - other.Indices[j];
            if (d == 0)
            {
                sum += (double)Values[i] * Values[i];
                i++;
                j++;
            }
            else if (d < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Min(1, sum);
    }

    /// <summary>This vector scaled to unit length (itself when empty).</summary>
    public SparseVector Normalize()
    {
        double norm = 0;
        foreach (var v in Values) norm += (double)v * v;
        if (norm == 0) return this;
        var scale = 1.0 / Math.Sqrt(norm);
        var values = new float[Values.Length];
        for (var k = 0; k < values.Length; k++) values[k] = (float)(Values[k] * scale);
        return new SparseVector(Indices, values);
    }

    /// <summary>Builds a vector from unordered (index, value) pairs, summing duplicates and dropping zeros.</summary>
    public static SparseVector FromPairs(IEnumerable<KeyValuePair<int, double>> pairs)
    {
        var sorted = new SortedDictionary<int, double>();
        foreach (var (index, value) in pairs)
        {
            sorted[index] = sorted.GetValueOrDefault(index) + value;
        }

        var kept = sorted.Where(p => p.Value != 0).ToArray();
        return new SparseVector(kept.Select(p => p.Key).ToArray(), kept.Select(p => (float)p.Value).ToArray());
    }
}
