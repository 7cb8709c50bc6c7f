using System.Text;
using UglyToad.PdfPig.Content;

namespace Match.Scoring.Resumes.Extraction;

/// <summary>
/// Puts a page's words into reading order: words → visual lines → fragments (split at wide gaps) → a recursive
/// X–Y cut that reads columns left to right, each top to bottom; line-end hyphenation is joined.
/// </summary>
internal static class PdfPageLayout
{
    /// <summary>A run of words on one visual line with no wide gap inside; PDF coordinates (y grows upwards).</summary>
    private sealed class Fragment(List<Word> words)
    {
        public List<Word> Words { get; } = words;
        public double Left { get; } = words.Min(w => w.BoundingBox.Left);
        public double Right { get; } = words.Max(w => w.BoundingBox.Right);
        public double Top { get; } = words.Max(w => w.BoundingBox.Top);
        public double Bottom { get; } = words.Min(w => w.BoundingBox.Bottom);

        public string Text => string.Join(' ', Words.Select(w => w.Text));
    }

    public static IEnumerable<string> Lines(IReadOnlyList<Word> words, ExtractionDeadline deadline)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var heights = words.Select(w => Math.Max(w.BoundingBox.Height, 0.1)).Order().ToList();
        var typicalHeight = heights[heights.Count / 2];
        var fragments = BuildFragments(words, typicalHeight);

        var lines = new List<string>();
        Order(fragments, typicalHeight, lines, deadline);
        return JoinHyphenation(lines);
    }

    private static List<Fragment> BuildFragments(IReadOnlyList<Word> words, double typicalHeight)
    {
        // Visual lines: a word joins the line whose vertical span it overlaps by more than half of the smaller height.
        var lines = new List<List<Word>>();
        var spans = new List<(double Bottom, double Top)>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Top).ThenBy(w => w.BoundingBox.Left))
        {
            var box = word.BoundingBox;
            var placed = false;
            for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - 8; i--)
            {
                var (bottom, top) = spans[i];
                var overlap = Math.Min(top, box.Top) - Math.Max(bottom, box.Bottom);
                var smaller = Math.Min(top - bottom, box.Height);
                if (overlap > 0.5 * Math.Max(smaller, 0.1))
                {
                    lines[i].Add(word);
                    spans[i] = (Math.Min(bottom, box.Bottom), Math.Max(top, box.Top));
                    placed = true;
                    break;
                }
            }

            if (!placed)
            {
                lines.Add([word]);
                spans.Add((box.Bottom, box.Top));
            }
        }

        // A gap wider than about two character heights separates table cells or columns on the same line.
        var fragmentGap = 1.6 * typicalHeight;
        var fragments = new List<Fragment>();
        foreach (var line in lines)
        {
            line.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
            var current = new List<Word> { line[0] };
            for (var i = 1; i < line.Count; i++)
            {
                var gap = line[i].BoundingBox.Left - current.Max(w => w.BoundingBox.Right);
                if (gap > fragmentGap)
                {
                    fragments.Add(new Fragment(current));
                    current = [];
                }

                current.Add(line[i]);
            }

            fragments.Add(new Fragment(current));
        }

        return fragments;
    }

    private static void Order(List<Fragment> fragments, double typicalHeight, List<string> output, ExtractionDeadline deadline)
    {
        deadline.Check();
        if (fragments.Count == 1)
        {
            output.Add(fragments[0].Text);
            return;
        }

        var columns = SplitColumns(fragments, 1.6 * typicalHeight);
        if (columns.Count > 1)
        {
            if (IsSingleRow(fragments))
            {
                // Cells of one row (a name and a date range) read as one line.
                output.Add(string.Join("  ", fragments.OrderBy(f => f.Left).Select(f => f.Text)));
                return;
            }

            foreach (var column in columns)
            {
                Order(column, typicalHeight, output, deadline);
            }

            return;
        }

        var rows = SplitRows(fragments);
        if (rows.Count > 1)
        {
            foreach (var row in rows)
            {
                Order(row, typicalHeight, output, deadline);
            }

            return;
        }

        // Overlapping fragments with no clean cut: read them top to bottom, left to right.
        foreach (var fragment in fragments.OrderByDescending(f => f.Top).ThenBy(f => f.Left))
        {
            output.Add(fragment.Text);
        }
    }

    private static bool IsSingleRow(List<Fragment> fragments)
    {
        var bottom = fragments.Max(f => f.Bottom);
        var top = fragments.Min(f => f.Top);
        return top - bottom > 0;
    }

    // Vertical strips of whitespace at least minGap wide that no fragment crosses.
    private static List<List<Fragment>> SplitColumns(List<Fragment> fragments, double minGap)
    {
        var sorted = fragments.OrderBy(f => f.Left).ToList();
        var groups = new List<List<Fragment>> { new() { sorted[0] } };
        var right = sorted[0].Right;
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Left - right >= minGap)
            {
                groups.Add([]);
            }

            groups[^1].Add(sorted[i]);
            right = Math.Max(right, sorted[i].Right);
        }

        return groups;
    }

    // Horizontal strips of whitespace that no fragment crosses; cut only at the widest ones so column blocks stay whole.
    private static List<List<Fragment>> SplitRows(List<Fragment> fragments)
    {
        var sorted = fragments.OrderByDescending(f => f.Top).ToList();
        var gaps = new List<(int Index, double Size)>();
        var bottom = sorted[0].Bottom;
        for (var i = 1; i < sorted.Count; i++)
        {
            var gap = bottom - sorted[i].Top;
            if (gap > 0)
            {
                gaps.Add((i, gap));
            }

            bottom = Math.Min(bottom, sorted[i].Bottom);
        }

        if (gaps.Count == 0)
        {
            return [fragments];
        }

        var widest = gaps.Max(g => g.Size);
        var cuts = gaps.Where(g => g.Size >= widest * 0.8).Select(g => g.Index).ToList();
        var rows = new List<List<Fragment>>();
        var start = 0;
        foreach (var cut in cuts)
        {
            rows.Add(sorted.GetRange(start, cut - start));
            start = cut;
        }

        rows.Add(sorted.GetRange(start, sorted.Count - start));
        return rows;
    }

    // "develop-" at a line's end followed by "ment" at the next line's start is one word.
    private static List<string> JoinHyphenation(List<string> lines)
    {
        var joined = new List<string>(lines.Count);
        var pending = new StringBuilder();
        foreach (var line in lines)
        {
            if (pending.Length > 0 && line.Length > 0 && char.IsLower(line[0]))
            {
                pending.Length--;
                pending.Append(line);
            }
            else
            {
                if (pending.Length > 0)
                {
                    joined.Add(pending.ToString());
                }

                pending.Clear().Append(line);
            }

            if (!EndsWithHyphenatedWord(pending))
            {
                joined.Add(pending.ToString());
                pending.Clear();
            }
        }

        if (pending.Length > 0)
        {
            joined.Add(pending.ToString());
        }

        return joined;
    }

    private static bool EndsWithHyphenatedWord(StringBuilder line) =>
        line.Length >= 3 && line[^1] == '-' && char.IsLower(line[^2]) && char.IsLetter(line[^3]);
}
