using Match.Scoring.Matching;
using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Skills;

namespace Match.Scoring.Tests.Matching;

/// <summary>Hand-written roles and résumés, a small skill vocabulary, and one model fitted on them (shared: fitting costs ~1 s).</summary>
internal static class MatchingFixtures
{
    public static readonly DateTimeOffset Today = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeProvider Clock = new FixedClock(Today);

    public static readonly SkillVocabulary Skills = new(
    [
        new SkillEntry("Python", []),
        new SkillEntry("SQL", []),
        new SkillEntry("Kubernetes", ["k8s"]),
        new SkillEntry("Docker", []),
        new SkillEntry("Terraform", []),
        new SkillEntry("Microsoft Excel", ["Excel", "MS Excel"]),
        new SkillEntry("GAAP", []),
        new SkillEntry("QuickBooks", []),
        new SkillEntry("Food Safety", []),
    ]);

    public static readonly RequirementAnalyzer Requirements = new(Skills);

    public static readonly ResumeAnalyzer Analyzer = new(Skills, Clock);

    public const string Accountant = """
        Maria Lopez
        maria.lopez@example.com
        Summary
        Accountant with eight years in corporate accounting, general ledger and GAAP financial reporting. Fluent in Spanish.
        Skills
        Microsoft Excel, QuickBooks, SQL, GAAP
        Experience
        Harbor Foods January 2016 to December 2019 Senior Accountant
        Led the month-end close and account reconciliations for the accounting department.
        Prepared GAAP financial statements and supported the annual external audit.
        Lakeside Bank January 2012 to December 2015 Staff Accountant
        Posted journal entries to the general ledger and reconciled accounting records.
        Certifications
        Certified Public Accountant (CPA), State of Ohio
        Education
        Bachelor of Science : Accounting 2011 Ohio State University
        Languages
        English, Spanish
        """;

    public const string JuniorAccountant = """
        Tom Baker
        tom.baker@example.com
        Summary
        Junior accountant focused on accounts payable and accounting records.
        Skills
        Microsoft Excel, QuickBooks
        Experience
        Northwind Traders January 2022 to December 2023 Junior Accountant
        Processed vendor invoices and kept the accounting records for accounts payable.
        Education
        Associate of Science : Accounting 2021 Columbus State Community College
        """;

    public const string Chef = """
        Luca Romano
        luca.romano@example.com
        Summary
        Executive chef with a passion for seasonal menus and kitchen leadership.
        Skills
        Food Safety, menu planning, inventory
        Experience
        Trattoria Verde March 2014 to May 2020 Executive Chef
        Planned seasonal menus, ran the kitchen brigade and kept food costs under budget.
        Bistro Blue June 2010 to February 2014 Sous Chef
        Prepared sauces and trained line cooks in food safety and sanitation.
        Education
        High School Diploma 2008 Lincoln High School
        Languages
        Italian
        """;

    public const string SelfTaughtEngineer = """
        Sam Patel
        sam.patel@example.com
        Summary
        Backend software engineer building distributed services in Python.
        Skills
        Python, Docker, k8s, Terraform, SQL
        Experience
        Cloudline January 2017 to December 2023 Software Engineer
        Built backend software services in Python and deployed them with Docker on k8s clusters.
        Designed SQL schemas and wrote Terraform for cloud infrastructure.
        Education
        High School Diploma 2012 Central High School
        """;

    public const string JuniorEngineer = """
        Ana Costa
        ana.costa@example.com
        Summary
        Software engineer writing Python services.
        Skills
        Python, SQL, Docker
        Experience
        Brightside January 2021 to December 2023 Software Engineer
        Wrote backend software services in Python with SQL databases, packaged with Docker.
        """;

    public const string AccountingRole = """
        Senior Accountant
        We are hiring a senior accountant for our accounting team: month-end close, general ledger, reconciliations and GAAP financial statements.
        """;

    public const string EngineeringRole = """
        Backend Software Engineer
        Build and run backend software services in Python on Kubernetes with Docker, SQL databases and Terraform.
        """;

    public const string PlatformRole = """
        Platform Engineer
        Run Kubernetes clusters and Docker images for backend services; automate cloud infrastructure with Terraform.
        """;

    /// <summary>Every document above, so each term they share occurs in at least two fit documents.</summary>
    public static readonly IReadOnlyList<string> Corpus =
        [AccountingRole, EngineeringRole, PlatformRole, Accountant, JuniorAccountant, Chef, SelfTaughtEngineer, JuniorEngineer];

    private static readonly Lazy<MatchModel> LazyModel = new(() => MatchModel.Fit(Corpus, null, new MatchModelOptions(), Clock));

    public static MatchModel Model => LazyModel.Value;

    /// <summary>The résumés by short name, for table-driven tests.</summary>
    public static string Resume(string name) => name switch
    {
        "accountant" => Accountant,
        "junior-accountant" => JuniorAccountant,
        "chef" => Chef,
        "self-taught-engineer" => SelfTaughtEngineer,
        "junior-engineer" => JuniorEngineer,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such résumé"),
    };

    /// <summary>The role postings by short name.</summary>
    public static string Posting(string name) => name switch
    {
        "accounting" => AccountingRole,
        "engineering" => EngineeringRole,
        "platform" => PlatformRole,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such role"),
    };

    public static Requirement Minimum(string text) => Requirements.Type(RequirementLevel.Minimum, text);

    public static Requirement Preferred(string text) => Requirements.Type(RequirementLevel.Preferred, text);

    public static RoleInput Role(string posting, params Requirement[] requirements)
    {
        var lines = posting.Split('\n', 2);
        return new RoleInput(lines[0].Trim(), lines.Length > 1 ? lines[1].Trim() : "", requirements);
    }

    public static RoleScore Score(string posting, string resume, params Requirement[] requirements) =>
        Model.Score(Model.Prepare(Role(posting, requirements)), Model.Prepare(Analyzer.Analyze(resume)));

    /// <summary>The one requirement's verdict for the résumé.</summary>
    public static (RequirementMatch Match, ResumeProfile Profile) Verdict(string posting, string resume, Requirement requirement)
    {
        var profile = Analyzer.Analyze(resume);
        var score = Model.Score(Model.Prepare(Role(posting, requirement)), Model.Prepare(profile));
        return (Assert.Single(score.Requirements), profile);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
