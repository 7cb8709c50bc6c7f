using System.Globalization;
using System.Text;
using System.Text.Json;
using Match.Scoring.Matching;
using Match.Scoring.Occupations;
using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Skills;

namespace Match.Eval;

/// <summary>Verdict accuracy against recruiter labels: 3-class accuracy, met-vs-not accuracy and the confusion table.</summary>
public sealed record VerdictResult(IReadOnlyList<(string Rid, RequirementStatus Expected, RequirementStatus Actual, string Requirement, string Reason)> Pairs)
{
    public double Accuracy => Pairs.Count == 0 ? 0 : Pairs.Count(p => p.Expected == p.Actual) / (double)Pairs.Count;

    public double MetAccuracy => Pairs.Count == 0 ? 0 :
        Pairs.Count(p => (p.Expected == RequirementStatus.Met) == (p.Actual == RequirementStatus.Met)) / (double)Pairs.Count;

    public string Report()
    {
        var sb = new StringBuilder();
        var statuses = new[] { RequirementStatus.Met, RequirementStatus.Partial, RequirementStatus.Missing };
        sb.AppendLine("confusion (rows: label, columns: Match)");
        sb.AppendLine("label\\match  met  partial  missing");
        foreach (var expected in statuses)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{expected,-11}");
            foreach (var actual in statuses)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{Pairs.Count(p => p.Expected == expected && p.Actual == actual),6}");
            }

            sb.AppendLine();
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Every label Match disagrees with, one a line, for error analysis.</summary>
    public string Disagreements()
    {
        var sb = new StringBuilder();
        foreach (var p in Pairs.Where(p => p.Expected != p.Actual))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{p.Rid} label={p.Expected} match={p.Actual} | {p.Requirement} | {p.Reason}");
        }

        return sb.ToString().TrimEnd();
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture, $"accuracy={Accuracy:F3} met-vs-not={MetAccuracy:F3} labels={Pairs.Count}");
}

/// <summary>Scores each labelled case as a role made of exactly its requirements, through the service's code path.</summary>
public static class VerdictEvaluation
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static VerdictResult Run(string directory, string? occupationsPath, MatchModelOptions options, IReadOnlyList<string> extraCorpus, TimeProvider clock, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var cases = File.ReadLines(Path.Combine(directory, "cases.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<LabelledCase>(l, Json)!).ToList();
        var labels = File.ReadLines(Path.Combine(directory, "labels.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<RecruiterLabel>(l, Json)!)
            .ToDictionary(l => l.Rid, StringComparer.Ordinal);

        var skills = BuiltInSkills.Create();
        var analyzer = new RequirementAnalyzer(skills);
        var resumes = new ResumeAnalyzer(skills, clock);
        var profiles = cases.Select(c => resumes.Analyze(c.ResumeText)).ToList();
        var roles = cases.Select(c => new RoleInput(
            c.RoleTitle,
            string.Join('\n', c.Requirements.Select(r => r.Text)),
            c.Requirements.Select(r => analyzer.Type(r.Level == "minimum" ? RequirementLevel.Minimum : RequirementLevel.Preferred, r.Text)).ToList())).ToList();

        var occupations = occupationsPath is null ? null : OccupationTaxonomy.ReadOnetAlternateTitles(occupationsPath);
        // As in the service, the model is fitted on everything stored: the cases plus, when given, the whole data set.
        var model = MatchModel.Fit(roles.Select(r => r.Title + "\n" + r.Text).Concat(profiles.Select(p => p.Text)).Concat(extraCorpus), occupations, options, clock);
        progress.WriteLine($"verdicts: {cases.Count} cases, model {model.Version}");

        var pairs = new List<(string, RequirementStatus, RequirementStatus, string, string)>();
        for (var i = 0; i < cases.Count; i++)
        {
            var score = model.Score(model.Prepare(roles[i]), model.Prepare(profiles[i]));
            for (var k = 0; k < cases[i].Requirements.Count; k++)
            {
                var rid = cases[i].Requirements[k].Rid;
                if (!labels.TryGetValue(rid, out var label)) continue;
                var match = score.Requirements[k];
                pairs.Add((rid, Parse(label.Label), match.Status, cases[i].Requirements[k].Text, $"{match.Category}: {match.Reason}"));
            }
        }

        return new VerdictResult(pairs);
    }

    private static RequirementStatus Parse(string label) => label switch
    {
        "met" => RequirementStatus.Met,
        "partial" => RequirementStatus.Partial,
        "missing" => RequirementStatus.Missing,
        _ => throw new InvalidDataException($"unknown label '{label}'"),
    };

    private sealed record LabelledCase(string Case, string RoleId, string RoleTitle, string ResumeId, IReadOnlyList<LabelledRequirement> Requirements, string ResumeText);

    private sealed record LabelledRequirement(string Rid, string Level, string Text);

    private sealed record RecruiterLabel(string Rid, string Label, string Evidence, string Why);
}
