using Match.Scoring.Skills;

namespace Match.Scoring.Postings;

/// <summary>Turns a raw posting into a title, sections and atomic typed requirements. Thread-safe.</summary>
public sealed class PostingParser(SkillVocabulary skills)
{
    private readonly RequirementAnalyzer _analyzer = new(skills);

    // Placeholder until the full parser lands: handles "Minimum qualifications:" / "Preferred qualifications:" blocks only.
    public ParsedPosting Parse(string text, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var requirements = new List<Requirement>();
        RequirementLevel? level = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("Minimum qualifications", StringComparison.OrdinalIgnoreCase)) { level = RequirementLevel.Minimum; continue; }
            if (line.StartsWith("Preferred qualifications", StringComparison.OrdinalIgnoreCase)) { level = RequirementLevel.Preferred; continue; }
            if (line.Length == 0 || level is null) continue;
            requirements.AddRange(_analyzer.Analyze(level.Value, line));
        }

        var firstLine = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        return new ParsedPosting(title ?? firstLine, [], requirements);
    }
}
