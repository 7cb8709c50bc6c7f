using System.Collections.Concurrent;
using Match.Scoring.Matching;
using Match.Scoring.Occupations;
using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Skills;

namespace Match.Eval;

/// <summary>The result of a ranking evaluation: the ranked runs and their metrics.</summary>
public sealed record RankingResult(IReadOnlyDictionary<string, IReadOnlyList<(string Doc, double Score)>> Runs, RankingMetrics Metrics);

/// <summary>Parses postings, analyses résumés, fits a model on both, scores every pair and ranks — as the service does.</summary>
public static class RankingEvaluation
{
    public static RankingResult Run(EvalSettings settings, TimeProvider clock, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var skills = BuiltInSkills.Create();
        var parser = new PostingParser(skills);
        var analyzer = new ResumeAnalyzer(skills, clock);

        var roleDocs = EvalData.ReadJsonLines(settings.RolesPath!);
        var resumeDocs = EvalData.ReadJsonLines(settings.ResumesPath!);
        progress.WriteLine($"read {roleDocs.Count} roles, {resumeDocs.Count} résumés");

        var roles = roleDocs.AsParallel().AsOrdered().Select(d =>
        {
            var parsed = parser.Parse(d.Text, d.Title);
            return new RoleInput(parsed.Title, d.Text, parsed.Requirements);
        }).ToList();
        var profiles = resumeDocs.AsParallel().AsOrdered().Select(d => analyzer.Analyze(d.Text)).ToList();
        progress.WriteLine($"parsed postings ({roles.Sum(r => r.Requirements.Count)} requirements) and résumés");

        var occupations = settings.OccupationsPath is { } path ? OccupationTaxonomy.ReadOnetAlternateTitles(path) : null;
        var model = MatchModel.Fit(roles.Select(r => r.Title + "\n" + r.Text).Concat(profiles.Select(p => p.Text)), occupations, settings.Model, clock);
        progress.WriteLine($"fitted model {model.Version}: {model.Info.ActiveTerms} active terms, {model.Info.Occupations} occupations");

        var preparedRoles = roles.AsParallel().AsOrdered().Select(model.Prepare).ToArray();
        var preparedResumes = profiles.AsParallel().AsOrdered().Select(model.Prepare).ToArray();
        progress.WriteLine("prepared roles and résumés; scoring every pair");

        var scores = new double[preparedRoles.Length, preparedResumes.Length];
        var done = 0;
        Parallel.For(0, preparedRoles.Length, r =>
        {
            for (var s = 0; s < preparedResumes.Length; s++)
            {
                scores[r, s] = model.Score(preparedRoles[r], preparedResumes[s]).Score;
            }

            if (Interlocked.Increment(ref done) % 50 == 0) progress.WriteLine($"  scored {done}/{preparedRoles.Length} roles");
        });

        var qrels = EvalData.ReadQrels(settings.QrelsPath!);
        var runs = new ConcurrentDictionary<string, IReadOnlyList<(string Doc, double Score)>>(StringComparer.Ordinal);
        if (settings.ResumesToRoles)
        {
            qrels = EvalData.Invert(qrels);
            for (var s = 0; s < resumeDocs.Count; s++)
            {
                var column = s;
                runs[resumeDocs[s].Id] = Rank(Enumerable.Range(0, roleDocs.Count).Select(r => (roleDocs[r].Id, scores[r, column])), settings.Depth);
            }
        }
        else
        {
            for (var r = 0; r < roleDocs.Count; r++)
            {
                var row = r;
                runs[roleDocs[r].Id] = Rank(Enumerable.Range(0, resumeDocs.Count).Select(s => (resumeDocs[s].Id, scores[row, s])), settings.Depth);
            }
        }

        var metrics = RankingMetrics.Compute(runs.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)r.Value.Select(x => x.Doc).ToList()), qrels.ToDictionary(q => q.Key, q => q.Value));
        return new RankingResult(runs, metrics);
    }

    // Ties break on id so a run is the same on every machine.
    private static List<(string Doc, double Score)> Rank(IEnumerable<(string Doc, double Score)> candidates, int depth) =>
        candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Doc, StringComparer.Ordinal).Take(depth).ToList();
}
