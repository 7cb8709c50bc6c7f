using System.Text.Json;
using Match.Scoring.Postings;
using Xunit.Abstractions;

namespace Match.Scoring.Tests.Postings;

/// <summary>The three reference postings and the dev roles in ../shared; each test returns early when the data is absent.</summary>
public class RealPostingTests(ITestOutputHelper output)
{
    private readonly PostingParser _parser = new(TestVocabulary.Instance);

    // Words that only occur in the postings' pay, legal, navigation, tag and JSON noise.
    private static readonly string[] NoiseMarkers =
    [
        "$", "Learn more", "equal opportunity", "E-Verify", "benefit", "Want more jobs", "inbox", "United States",
        "responsibilities", "internalDetails", "\"", "Fullstack", "IT Consultant", "Lead and grow", "Proven track record",
        "Recruit, onboard", "Hear directly", "Work Flexibility", "lie detector", "Role Number",
    ];

    private ParsedPosting? ParseShared(string fileName)
    {
        var path = SharedData.File("postings", fileName);
        if (path is null)
        {
            output.WriteLine($"../shared/postings/{fileName} is absent; skipping.");
            return null;
        }

        return _parser.Parse(File.ReadAllText(path));
    }

    private static string[] Texts(ParsedPosting posting, RequirementLevel level) =>
        [.. posting.Requirements.Where(r => r.Level == level).Select(r => r.Text)];

    private static void AssertNoNoise(ParsedPosting posting)
    {
        foreach (var requirement in posting.Requirements)
        {
            var marker = NoiseMarkers.FirstOrDefault(m => requirement.Text.Contains(m, StringComparison.OrdinalIgnoreCase));
            Assert.True(marker is null, $"noise became a requirement ({marker}): {requirement.Text}");
            Assert.Equal(requirement.Text.Trim(), requirement.Text);
        }
    }

    [Fact]
    public void Headed_paragraph_posting_000_yields_every_qualification_at_its_level()
    {
        if (ParseShared("000_fb43693040eec2dd.txt") is not { } posting)
        {
            return;
        }

        Assert.Equal("Machine Learning Manager, ML Tooling and Optimization", posting.Title);
        Assert.Equal(
            [
                "Solid grasp of foundational generative technologies, including LLMs and diffusion models, as well as a deep understanding of deep learning and machine learning in general",
                "Comprehensive understanding of the machine learning pipeline, encompassing data processing, training, and performance analysis",
                "Favor the adoption of reproducible and scientifically rigorous experimental processes to enhance the reliability and validity of your work",
                "Knowledge of distributed systems and their application to machine learning",
                "Strong analytical and problem solving skills, with emphasis on software debugging of complex ML code basis",
                "High fluency in Python",
                "Ability to navigate in C/C++/Objective-C/Swift code bases",
                "Experience in structuring software development teams",
                "Experience in building scalable and maintainable software operating on large datasets and with a high degree of task parallelism",
                "Familiarity with evolving ecosystems and with the infrastructure integration challenges",
                "Familiarity with the challenges of developing algorithms and models that eventually run on embedded hardware",
                "Excellent written and verbal communication skills",
                "Excellent problem-solving and project management skills",
                "Ability to interact with parties with varying levels of technical proficiency",
                "Ability to work hands-on in multi-functional teams",
                "Demonstrated capacity to build solid relationships across organizations and functions (R&D, privacy and legal, tools & infrastructure...)",
                "Ambitious and willing to continuously grow your technical background",
            ],
            Texts(posting, RequirementLevel.Minimum));
        Assert.Equal(
            [
                "System administration experience", "Basic web development experience",
                "Experience with macOS and iOS development tools", "Basic knowledge of Objective-C/Swift",
                "Experience in industry is a plus",
                "Python", "C", "C++", "Objective-C", "Swift", "Deep Learning", "Machine Learning", "Distributed Systems",
                "MacOS", "iOS",
                "English",
            ],
            Texts(posting, RequirementLevel.Preferred));
        Assert.Equal(RequirementCategory.Language, posting.Requirements.Single(r => r.Text == "English").Category);
        Assert.Null(posting.Requirements.Single(r => r.Text.Contains("high degree of task parallelism", StringComparison.Ordinal)).Attributes.Degree);
        AssertNoNoise(posting);
    }

    [Fact]
    public void Line_per_item_posting_001_with_json_debris_yields_every_qualification_at_its_level()
    {
        if (ParseShared("001_a26514af450a0b05.txt") is not { } posting)
        {
            return;
        }

        Assert.Equal("Manager, Machine Learning Infrastructure - SIML", posting.Title);
        Assert.Equal(
            [
                "Experience building infrastructure for ML workflows (data pipelines, training systems, evaluation frameworks, or deployment systems)",
                "Domain experience in areas such as AI/ML, computer vision, NLP, or related fields",
                "Experience working with large-scale datasets and compute-intensive systems",
                "Experience improving developer productivity through tooling and platform abstractions",
                "Ability to operate effectively in cross-functional, fast-paced environments with evolving requirements",
            ],
            Texts(posting, RequirementLevel.Preferred));
        Assert.Equal(
            [
                "Bachelor's, Master's, or Ph.D. in Computer Science, Computer Engineering, or a related field (or equivalent experience)",
                "7+ years of software engineering experience",
                "2+ years in a technical leadership or management role",
                "Strong programming skills in one or more of: Python, Java, Go, C/C++",
                "Solid understanding of machine learning fundamentals and ML system workflows",
                "Proven experience in building and scaling distributed systems and backend infrastructure",
                "Strong system design skills with expertise in at least one systems domain (e.g., data infrastructure, distributed systems, ML platforms)",
            ],
            Texts(posting, RequirementLevel.Minimum));

        var degree = posting.Requirements.Single(r => r.Category == RequirementCategory.Education).Attributes;
        Assert.Equal(DegreeLevel.Bachelor, degree.Degree);
        Assert.Equal(["Computer Science", "Computer Engineering"], degree.DegreeFields);
        Assert.True(degree.EquivalentExperienceAccepted);
        Assert.Equal([7.0, 2.0], posting.Requirements.Where(r => r.Attributes.MinYears is not null).Select(r => r.Attributes.MinYears!.Value));
        Assert.Equal(["Python", "Java", "Go", "C", "C++"], posting.Requirements.Single(r => r.Text.StartsWith("Strong programming", StringComparison.Ordinal)).Attributes.Skills);
        AssertNoNoise(posting);
    }

    [Fact]
    public void Skills_list_posting_002_yields_required_and_nice_to_have_but_not_the_summary_sections()
    {
        if (ParseShared("002_e0f83dfab1b87e13.txt") is not { } posting)
        {
            return;
        }

        Assert.Equal("Manager, Machine Learning Engineering", posting.Title);
        Assert.Equal(
            [
                "Software Engineering", "Data Science", "Machine Learning", "leadership role",
                "leading teams to deliver scalable, high-quality Machine Learning models into production environments",
                "building and managing technical teams with a mix of algorithmic and infrastructure expertise",
                "leading effective development processes to deliver high-quality production code",
                "Deep Learning", "Computer Vision", "MLOps", "Python", "PyTorch/TensorFlow", "SQL", "Linux",
            ],
            Texts(posting, RequirementLevel.Minimum));
        Assert.Equal(
            [
                "MLOps frameworks (e.g., Kubeflow, MLflow)", "containerization (Docker, Kubernetes)",
                "scaling ML systems with large datasets", "deploying models to Edge devices", "mobile devices (CoreML)",
                "cloud platforms (e.g., AWS)", "DevOps practices", "Agile/Scrum software development methodologies",
                "Manufacturing", "Industrial IoT", "Smart Manufacturing environments",
            ],
            Texts(posting, RequirementLevel.Preferred));
        Assert.All(posting.Requirements, r => Assert.Equal(RequirementCategory.Skill, r.Category));
        Assert.Equal(["PyTorch", "TensorFlow"], posting.Requirements.Single(r => r.Text == "PyTorch/TensorFlow").Attributes.Skills);
        AssertNoNoise(posting);
    }

    [Fact]
    public void Every_dev_role_yields_its_minimum_and_preferred_qualifications()
    {
        var path = SharedData.File("eval", "dev", "roles.jsonl");
        if (path is null)
        {
            output.WriteLine("../shared/eval/dev/roles.jsonl is absent; skipping.");
            return;
        }

        var roles = 0;
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString();
            var text = json.RootElement.GetProperty("text").GetString()!;
            var posting = _parser.Parse(text, json.RootElement.GetProperty("title").GetString());
            var (minimumLines, preferredLines) = CountQualificationLines(text);

            // Every listed line yields at least one requirement (splitting can only add), at the level it is listed under.
            var minimum = posting.Requirements.Count(r => r.Level == RequirementLevel.Minimum);
            var preferred = posting.Requirements.Count(r => r.Level == RequirementLevel.Preferred);
            Assert.True(minimum >= 1, $"{id}: no minimum requirement");
            Assert.True(preferredLines == 0 || preferred >= 1, $"{id}: no preferred requirement");
            Assert.True(minimum + preferred >= minimumLines + preferredLines - 1, $"{id}: {minimum}+{preferred} requirements for {minimumLines}+{preferredLines} lines");
            Assert.All(posting.Requirements, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
            roles++;
        }

        output.WriteLine($"{roles} dev roles parsed");
        Assert.True(roles > 0);
    }

    private static (int Minimum, int Preferred) CountQualificationLines(string text)
    {
        int minimum = 0, preferred = 0;
        int? block = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("Minimum qualifications", StringComparison.OrdinalIgnoreCase)) { block = 0; continue; }
            if (line.StartsWith("Preferred qualifications", StringComparison.OrdinalIgnoreCase)) { block = 1; continue; }
            if (line.Length == 0) { continue; }
            if (block == 0) minimum++;
            if (block == 1) preferred++;
        }

        return (minimum, preferred);
    }
}
