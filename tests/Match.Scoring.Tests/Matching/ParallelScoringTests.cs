using System.Text.Json;
using Match.Scoring.Matching;
using static Match.Scoring.Tests.Matching.MatchingFixtures;

namespace Match.Scoring.Tests.Matching;

public class ParallelScoringTests
{
    private static readonly RoleInput[] Roles =
    [
        Role(AccountingRole, Minimum("5 years of experience in accounting"), Minimum("CPA certification"), Preferred("Fluency in English and Spanish")),
        Role(AccountingRole, Minimum("Bachelor's degree in Accounting or Finance"), Preferred("Experience with QuickBooks and Excel")),
        Role(EngineeringRole, Minimum("Experience with Kubernetes and Docker"), Minimum("Bachelor's degree in Computer Science or equivalent practical experience")),
        Role(EngineeringRole, Minimum("3 years of experience in backend software"), Preferred("Terraform")),
        Role(PlatformRole, Minimum("Hands-on Kubernetes experience"), Preferred("Fluent in Italian")),
        Role(PlatformRole),
    ];

    private static readonly string[] Resumes = [Accountant, JuniorAccountant, Chef, SelfTaughtEngineer, JuniorEngineer];

    [Fact]
    public void Scoring_in_parallel_on_one_model_equals_scoring_serially()
    {
        var serial = new string[Roles.Length, Resumes.Length];
        var serialScores = new double[Roles.Length, Resumes.Length];
        for (var r = 0; r < Roles.Length; r++)
        {
            for (var s = 0; s < Resumes.Length; s++)
            {
                var score = Model.Score(Model.Prepare(Roles[r]), Model.Prepare(Analyzer.Analyze(Resumes[s])));
                serial[r, s] = JsonSerializer.Serialize(score);
                serialScores[r, s] = score.Score;
            }
        }

        // Many threads share the model's pooled prediction engines; every pair is prepared and scored several times over.
        const int repeats = 8;
        var parallel = new string[Roles.Length * Resumes.Length * repeats];
        var parallelScores = new double[parallel.Length];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var pair = i % (Roles.Length * Resumes.Length);
            var score = Model.Score(Model.Prepare(Roles[pair / Resumes.Length]), Model.Prepare(Analyzer.Analyze(Resumes[pair % Resumes.Length])));
            parallel[i] = JsonSerializer.Serialize(score);
            parallelScores[i] = score.Score;
        });

        for (var i = 0; i < parallel.Length; i++)
        {
            var pair = i % (Roles.Length * Resumes.Length);
            var (r, s) = (pair / Resumes.Length, pair % Resumes.Length);
            Assert.Equal(BitConverter.DoubleToInt64Bits(serialScores[r, s]), BitConverter.DoubleToInt64Bits(parallelScores[i]));
            Assert.Equal(serial[r, s], parallel[i]);
        }
    }

    [Fact]
    public void Prepared_roles_and_resumes_shared_across_threads_score_the_same_as_serially()
    {
        var roles = Roles.Select(Model.Prepare).ToArray();
        var resumes = Resumes.Select(t => Model.Prepare(Analyzer.Analyze(t))).ToArray();
        var serial = roles.SelectMany(role => resumes.Select(resume => JsonSerializer.Serialize(Model.Score(role, resume)))).ToArray();

        var parallel = new string[serial.Length * 10];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var pair = i % serial.Length;
            parallel[i] = JsonSerializer.Serialize(Model.Score(roles[pair / resumes.Length], resumes[pair % resumes.Length]));
        });

        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(serial[i % serial.Length], parallel[i]);
        }
    }
}
