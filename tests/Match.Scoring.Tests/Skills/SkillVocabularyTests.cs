using Match.Scoring.Skills;

namespace Match.Scoring.Tests.Skills;

public class SkillVocabularyTests
{
    private static readonly SkillVocabulary BuiltIn = BuiltInSkills.Create();

    private static string[] Found(string text) => [.. BuiltIn.FindSkills(text).Select(m => m.Canonical).Distinct()];

    [Theory]
    // Aliases and abbreviations.
    [InlineData("Experience with k8s and Docker", new[] { "Kubernetes", "Docker" })]
    [InlineData("Kubernetes operators", new[] { "Kubernetes" })]
    [InlineData("Strong cpp skills", new[] { "C++" })]
    [InlineData("Knowledge of US GAAP and IFRS", new[] { "US GAAP", "IFRS" })]
    [InlineData("Handled AP, AR and payroll for three entities", new[] { "Accounts Payable", "Accounts Receivable" })]
    [InlineData("Processed A/P, A/R and general ledger entries", new[] { "Accounts Payable", "Accounts Receivable", "General Ledger" })]
    [InlineData("Managed accounts payable and accounts receivable", new[] { "Accounts Payable", "Accounts Receivable" })]
    [InlineData("AML and KYC reviews; CAMS certified", new[] { "Anti-Money Laundering", "Know Your Customer", "CAMS" })]
    [InlineData("SOX testing, budgeting and forecasting, financial modeling in QuickBooks and SAP", new[] { "Sarbanes-Oxley", "Budgeting", "Forecasting", "Financial Modeling", "QuickBooks", "SAP" })]
    [InlineData("Managed AdWords campaigns, SEO/SEM and Google Analytics", new[] { "Google Ads", "Search Engine Optimization", "Search Engine Marketing", "Google Analytics" })]
    [InlineData("Knowledge of RTB, DSPs and programmatic buying", new[] { "Programmatic Advertising", "Demand-Side Platforms" })]
    [InlineData("Salesforce CRM, lead generation and account management", new[] { "Salesforce", "Lead Generation", "Account Management" })]
    [InlineData("Full-cycle recruiting, onboarding, HRIS and payroll; HRBP for 300 employees", new[] { "Recruiting", "Onboarding", "HRIS", "Payroll", "HR Business Partner" })]
    [InlineData("Photoshop, Illustrator, Figma; usability testing, personas and wireframing", new[] { "Photoshop", "Illustrator", "Figma", "Usability Testing", "Personas", "Wireframing" })]
    [InlineData("SolidWorks and CREO modelling with GD&T, SPC and Cpk studies", new[] { "SolidWorks", "Creo", "GD&T", "Statistical Process Control", "Process Capability" })]
    [InlineData("PLM/PDM in Windchill; DFM, NPI, FMEA and DOE", new[] { "Product Lifecycle Management", "Product Data Management", "Windchill", "Design for Manufacturing", "New Product Introduction", "Failure Mode and Effects Analysis", "Design of Experiments" })]
    [InlineData("PCB layout with signal integrity analysis", new[] { "PCB Design", "Signal Integrity" })]
    [InlineData("PMP certified; Agile and Scrum", new[] { "PMP", "Agile", "Scrum" })]
    [InlineData("CPA, CFA charterholder", new[] { "CPA", "CFA" })]
    [InlineData("BLS and ACLS certified RN; IV therapy, wound care, EMR charting", new[] { "BLS", "ACLS", "Nursing", "IV Therapy", "Wound Care", "Electronic Health Records" })]
    [InlineData("A&P license, FAA regulations, IFR", new[] { "A&P License", "FAA Regulations", "Instrument Rating" })]
    [InlineData("Lesson planning, classroom management, IEP meetings", new[] { "Lesson Planning", "Classroom Management", "Individualized Education Programs" })]
    [InlineData("ServSafe certified; menu development and knife skills", new[] { "ServSafe", "Menu Planning", "Knife Skills" })]
    [InlineData("OSHA 30, blueprint reading and Primavera P6", new[] { "Occupational Safety", "Blueprint Reading", "Construction Scheduling" })]
    [InlineData("MLOps on GCP and AWS; Linux", new[] { "MLOps", "GCP", "AWS", "Linux" })]
    [InlineData("machine-learning pipelines", new[] { "Machine Learning" })]
    // Slash and compound lists.
    [InlineData("PyTorch/TensorFlow", new[] { "PyTorch", "TensorFlow" })]
    [InlineData("C/C++", new[] { "C", "C++" })]
    [InlineData("Objective-C/Swift", new[] { "Objective-C", "Swift" })]
    [InlineData("AI/ML", new[] { "Artificial Intelligence", "Machine Learning" })]
    [InlineData("Unix/Linux", new[] { "Unix", "Linux" })]
    [InlineData("AR/VR", new[] { "Augmented Reality", "Virtual Reality" })]
    [InlineData("Java, C/C++, C#, Objective C, Python, JavaScript, or Go.", new[] { "Java", "C", "C++", "C#", "Objective-C", "Python", "JavaScript", "Go" })]
    [InlineData("Experience in Python and/or Go.", new[] { "Python", "Go" })]
    // Symbols and case.
    [InlineData("C# and .NET with ASP.NET; Node.js services", new[] { "C#", ".NET", "ASP.NET", "Node.js" })]
    [InlineData("PYTHON, sql and JAVASCRIPT", new[] { "Python", "SQL", "JavaScript" })]
    [InlineData("F# and C++17", new[] { "F#", "C++" })]
    [InlineData("Word, Excel, PowerPoint and Outlook", new[] { "Microsoft Word", "Excel", "PowerPoint", "Outlook" })]
    [InlineData("Skills: Word, excel, MS Office", new[] { "Microsoft Word", "Excel", "Microsoft Office" })]
    [InlineData("Statistics in R, Python and SQL", new[] { "Statistics", "R", "Python", "SQL" })]
    public void Finds_the_skills_named(string text, string[] expected)
    {
        var found = Found(text);

        Assert.All(expected, skill => Assert.Contains(skill, found));
    }

    [Theory]
    [InlineData("Presented to the C-suite and C-level executives", "C")]
    [InlineData("Led the Go-to-Market strategy", "Go")]
    [InlineData("We go to great lengths; let's go", "Go")]
    [InlineData("Excellent communication skills", "Excel")]
    [InlineData("Excel in problem solving and strategic thinking", "Excel")]
    [InlineData("AR/VR headsets", "Accounts Receivable")]
    [InlineData("Our R&D team", "R")]
    [InlineData("Mary R. Smith Scholarship", "R")]
    [InlineData("Vitamin C and patient care", "C")]
    [InlineData("Grade C in chemistry", "C")]
    [InlineData("A swift response to customers", "Swift")]
    [InlineData("Spring semester 2015", "Spring Framework")]
    [InlineData("Ran a pilot program with the sales team", "Pilot")]
    [InlineData("Net revenue grew. Net income rose", ".NET")]
    [InlineData("I know Python. Net income was up", ".NET")]
    [InlineData("The cadence of weekly reviews", "Cadence")]
    [InlineData("He said a word to the team", "Microsoft Word")]
    [InlineData("Access to senior leadership", "Microsoft Access")]
    [InlineData("Ar and ap are lower-case here", "Accounts Receivable")]
    [InlineData("Scored in the 90th percentile; C+ average", "C")]
    [InlineData("Worked part-time (PT) on weekends", "Physical Therapy")]
    [InlineData("Epic journey across the country", "Epic")]
    [InlineData("His team shipped features", "Hospital Information Systems")]
    [InlineData("Jane Doe, accountant", "Design of Experiments")]
    public void Does_not_find_false_positives(string text, string notExpected)
    {
        Assert.DoesNotContain(notExpected, Found(text));
    }

    [Fact]
    public void Reports_where_each_alias_stands()
    {
        const string text = "Skills: k8s, C++ and PyTorch/TensorFlow";

        var mentions = BuiltIn.FindSkills(text);

        Assert.Equal(["k8s", "C++", "PyTorch", "TensorFlow"], mentions.Select(m => text.Substring(m.Start, m.Length)));
        Assert.Equal(["Kubernetes", "C++", "PyTorch", "TensorFlow"], mentions.Select(m => m.Canonical));
    }

    [Fact]
    public void Longest_alias_wins()
    {
        var mentions = BuiltIn.FindSkills("deep learning and machine learning");

        Assert.Equal(["Deep Learning", "Machine Learning"], mentions.Select(m => m.Canonical));
    }

    [Theory]
    [InlineData("k8s", "Kubernetes")]
    [InlineData("K8S", "Kubernetes")]
    [InlineData("  cpp ", "C++")]
    [InlineData("machine-learning", "Machine Learning")]
    [InlineData("Machine   Learning", "Machine Learning")]
    [InlineData("a/r", "Accounts Receivable")]
    [InlineData("Golang", "Go")]
    [InlineData("no such skill", null)]
    [InlineData("", null)]
    public void Canonicalizes_aliases(string alias, string? expected)
    {
        Assert.Equal(expected, BuiltIn.Canonicalize(alias));
    }

    [Fact]
    public void Built_in_vocabulary_is_large_and_spans_the_evaluation_occupations()
    {
        var families = BuiltInSkills.Entries.Select(e => e.Family).Distinct().ToArray();

        Assert.True(BuiltIn.Count >= 600, $"only {BuiltIn.Count} canonical skills");
        Assert.Superset(
            new HashSet<string> { "tech", "finance", "business", "legal", "design", "engineering", "health", "aviation", "education", "fitness", "culinary", "construction", "agriculture", "apparel", "arts", "automotive", "service" },
            families.ToHashSet());
    }

    [Fact]
    public void Built_in_names_are_unique_per_skill()
    {
        var owners = BuiltInSkills.Entries
            .SelectMany(e => e.Names.Select(n => (Key: SkillTokenizer.Key(n), e.Canonical)))
            .GroupBy(x => x.Key)
            .Where(g => g.Select(x => x.Canonical).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToArray();

        // Only names that the context rule tells apart may have two owners.
        Assert.Equal(["ar", "cpc", "oracle", "soc"], owners.Order());
    }

    [Fact]
    public void Context_only_names_need_a_skill_of_their_family_nearby()
    {
        var vocabulary = new SkillVocabulary(
        [
            new SkillEntry("Go", ["Golang"]) { Family = "tech", ContextOnly = ["Go"], ExactCase = ["Go"] },
            new SkillEntry("Python", []) { Family = "tech" },
            new SkillEntry("Payroll", []) { Family = "finance" },
        ]);

        Assert.Empty(vocabulary.FindSkills("Go and see"));
        Assert.Equal(["Payroll"], vocabulary.FindSkills("Payroll and Go").Select(m => m.Canonical));
        Assert.Equal(["Python", "Go"], vocabulary.FindSkills("Python and Go").Select(m => m.Canonical));
        Assert.DoesNotContain(vocabulary.FindSkills("Python and go"), m => m.Canonical == "Go");
        Assert.Equal(["Go"], vocabulary.FindSkills("golang").Select(m => m.Canonical));
    }

    [Fact]
    public void Plain_entries_keep_the_original_behaviour()
    {
        var vocabulary = new SkillVocabulary([new SkillEntry("Machine Learning", ["ML"]), new SkillEntry("C", [])]);

        Assert.Equal(2, vocabulary.Count);
        Assert.Equal(["Machine Learning", "C"], vocabulary.FindSkills("ML in C").Select(m => m.Canonical));
        Assert.Empty(vocabulary.FindSkills("C++ and C#"));
    }

    [Fact]
    public void Is_safe_to_share_between_threads()
    {
        var texts = Enumerable.Range(0, 200).Select(i => $"Candidate {i}: Python, k8s, C/C++, AR/VR, A/R and Excel").ToArray();
        var expected = texts.Select(t => string.Join(",", BuiltIn.FindSkills(t))).ToArray();

        var actual = new string[texts.Length];
        Parallel.For(0, texts.Length, i => actual[i] = string.Join(",", BuiltIn.FindSkills(texts[i])));

        Assert.Equal(expected, actual);
    }

    [FsCheck.Xunit.Property]
    public bool Mentions_are_ordered_in_bounds_and_do_not_overlap(string? text)
    {
        var full = (text ?? "") + " python k8s C/C++ AR/VR";
        var mentions = BuiltIn.FindSkills(full);
        var end = 0;
        foreach (var m in mentions)
        {
            if (m.Start < end || m.Length <= 0 || m.Start + m.Length > full.Length)
            {
                return false;
            }

            end = m.Start + m.Length;
        }

        return mentions.Count >= 5;
    }
}
