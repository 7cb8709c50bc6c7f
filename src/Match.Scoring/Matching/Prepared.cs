using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Features;

namespace Match.Scoring.Matching;

/// <summary>What a role is scored from: its title, the text that describes it, and its requirements.</summary>
public sealed record RoleInput(string Title, string Text, IReadOnlyList<Requirement> Requirements);

/// <summary>A role featurized by one model version: reusable across every résumé it is scored against.</summary>
public sealed class PreparedRole
{
    internal PreparedRole(RoleInput input, SparseVector document, SparseVector title, SparseVector occupations, SparseVector[] requirements, SparseVector[] yearsTopics, string modelVersion)
    {
        Input = input;
        Document = document;
        Title = title;
        Occupations = occupations;
        RequirementVectors = requirements;
        YearsTopicVectors = yearsTopics;
        ModelVersion = modelVersion;
    }

    public RoleInput Input { get; }
    public string ModelVersion { get; }
    internal SparseVector Document { get; }
    internal SparseVector Title { get; }
    internal SparseVector Occupations { get; }
    internal SparseVector[] RequirementVectors { get; }
    /// <summary>Per requirement: the vector of what its years are of or its degree fields, else of its text.</summary>
    internal SparseVector[] YearsTopicVectors { get; }
}

/// <summary>The best unit for a query: its index (-1 for none), the share of the query it covers, and the share the whole résumé covers.</summary>
internal readonly record struct UnitMatch(int Unit, double Coverage, double Anywhere);

/// <summary>A dated position with the text that describes it (its line to the next position), featurized.</summary>
internal sealed record PreparedPosition(EmploymentPeriod Period, int TextStart, int TextLength, SparseVector Vector);

/// <summary>A résumé featurized by one model version: evidence units with an inverted index for fast best-unit search.</summary>
public sealed class PreparedResume
{
    private readonly InvertedIndex _postings;

    internal PreparedResume(ResumeProfile profile, IReadOnlyList<EvidenceUnit> units, SparseVector[] unitVectors, SparseVector document, SparseVector positionTitles, SparseVector occupations, IReadOnlyList<PreparedPosition> positions, SparseVector? degreeField, string modelVersion)
    {
        Profile = profile;
        Units = units;
        Document = document;
        PositionTitles = positionTitles;
        Occupations = occupations;
        Positions = positions;
        DegreeField = degreeField;
        ModelVersion = modelVersion;
        SkillSet = new HashSet<string>(profile.Skills.Select(s => s.Canonical), StringComparer.OrdinalIgnoreCase);

        _postings = new InvertedIndex(unitVectors);

        // Where each known skill is first named, so a skill met through an alias ("k8s") is quoted as evidence.
        var skillUnits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var mention in profile.Skills)
        {
            var unit = UnitAt(mention.Start);
            if (unit >= 0) skillUnits.TryAdd(mention.Canonical, unit);
        }

        SkillUnits = skillUnits;
        EducationUnit = Enumerable.Range(0, units.Count).FirstOrDefault(u => units[u].Section == SectionKind.Education, -1);
    }

    public ResumeProfile Profile { get; }
    public string ModelVersion { get; }
    internal IReadOnlyList<EvidenceUnit> Units { get; }
    internal SparseVector Document { get; }
    internal SparseVector PositionTitles { get; }
    internal SparseVector Occupations { get; }
    internal IReadOnlyList<PreparedPosition> Positions { get; }
    internal HashSet<string> SkillSet { get; }
    internal SparseVector? DegreeField { get; }

    /// <summary>Canonical skill → index of the first unit that names it.</summary>
    internal IReadOnlyDictionary<string, int> SkillUnits { get; }

    /// <summary>Index of the first unit of the Education section, or -1.</summary>
    internal int EducationUnit { get; }

    /// <summary>Index of the unit containing character <paramref name="offset"/> of the clean text, or -1.</summary>
    internal int UnitAt(int offset)
    {
        for (var u = 0; u < Units.Count; u++)
        {
            if (offset >= Units[u].Start && offset < Units[u].Start + Units[u].Length) return u;
        }

        return -1;
    }

    /// <summary>Offset of <paramref name="word"/> as a whole word (case-insensitive), or -1; remembered per résumé.</summary>
    internal int FindWord(string word) => _words.GetOrAdd(word, static (w, text) => WholeWord(text, w), Profile.Text);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _words = new(StringComparer.OrdinalIgnoreCase);

    private static int WholeWord(string text, string word)
    {
        var at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after) return at;
            at += word.Length;
        }

        return -1;
    }

    /// <summary>
    /// The unit that covers most of <paramref name="query"/>: coverage is the share of the query's squared weight whose
    /// terms the unit contains, in [0, 1] (unlike cosine, a long line is not penalised for saying more). Also the share
    /// covered anywhere in the résumé. Unit is -1 when no unit shares a term.
    /// </summary>
    internal UnitMatch BestUnit(SparseVector query, double[] coverage, List<int> touched)
    {
        double anywhere = 0;
        for (var k = 0; k < query.Count; k++)
        {
            var list = _postings[query.Indices[k]];
            if (list.IsEmpty) continue;
            var share = (double)query.Values[k] * query.Values[k];
            anywhere += share;
            foreach (var (unit, _) in list)
            {
                if (coverage[unit] == 0) touched.Add(unit);
                coverage[unit] += share;
            }
        }

        // Only the units that share a term are visited and reset; the lowest index wins a tie, as in a full scan.
        var best = -1;
        var bestCoverage = 0.0;
        foreach (var unit in touched)
        {
            var c = coverage[unit];
            if (c > bestCoverage || (c == bestCoverage && c > 0 && unit < best))
            {
                bestCoverage = c;
                best = unit;
            }

            coverage[unit] = 0;
        }

        touched.Clear();
        return new UnitMatch(best, Math.Min(1, bestCoverage), Math.Min(1, anywhere));
    }
}
