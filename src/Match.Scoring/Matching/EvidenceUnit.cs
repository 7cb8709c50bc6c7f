using Match.Scoring.Resumes;

namespace Match.Scoring.Matching;

/// <summary>A line, bullet or sentence of a résumé: the unit evidence is quoted in; offsets into the clean text.</summary>
public sealed record EvidenceUnit(string Text, SectionKind Section, int Start, int Length)
{
    private const int MaxUnitLength = 280;

    /// <summary>Splits a profile's text into lines, and long lines into sentences, keeping section and offsets.</summary>
    public static IReadOnlyList<EvidenceUnit> Split(ResumeProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var text = profile.Text;
        var units = new List<EvidenceUnit>();
        // Heading lines ("Experience", "Skills") are structure, not evidence: they would match every requirement's boilerplate.
        var headings = profile.Sections.Select(s => s.Heading).Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (!headings.Contains(text[start..end])) AddLine(profile, start, end, units);
            start = end + 1;
        }

        return units;
    }

    private static void AddLine(ResumeProfile profile, int start, int end, List<EvidenceUnit> units)
    {
        var text = profile.Text;
        while (end - start > MaxUnitLength)
        {
            // Cut after the last sentence end inside the limit, else at the last space.
            var window = text.AsSpan(start, MaxUnitLength);
            var cut = window.LastIndexOf(". ");
            if (cut < 40) cut = window.LastIndexOf(' ');
            if (cut <= 0) cut = MaxUnitLength - 1;
            Add(profile, start, start + cut + 1, units);
            start += cut + 1;
            while (start < end && text[start] == ' ') start++;
        }

        Add(profile, start, end, units);
    }

    private static void Add(ResumeProfile profile, int start, int end, List<EvidenceUnit> units)
    {
        var text = profile.Text;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end <= start || !HasLetter(text.AsSpan(start, end - start))) return;
        units.Add(new EvidenceUnit(text[start..end], SectionAt(profile, start), start, end - start));
    }

    private static bool HasLetter(ReadOnlySpan<char> span)
    {
        foreach (var ch in span)
        {
            if (char.IsLetter(ch)) return true;
        }

        return false;
    }

    private static SectionKind SectionAt(ResumeProfile profile, int offset)
    {
        foreach (var section in profile.Sections)
        {
            if (offset >= section.Start && offset < section.Start + section.Length) return section.Kind;
        }

        return SectionKind.Other;
    }
}
