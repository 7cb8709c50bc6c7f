using Match.Scoring.Postings;

namespace Match.Scoring.Tests.Postings;

public class PostingParserTests
{
    private readonly PostingParser _parser = new(TestVocabulary.Instance);

    private static string[] Texts(ParsedPosting posting, RequirementLevel level) =>
        [.. posting.Requirements.Where(r => r.Level == level).Select(r => r.Text)];

    [Theory]
    [InlineData("Minimum Qualifications", RequirementLevel.Minimum)]
    [InlineData("MINIMUM QUALIFICATIONS:", RequirementLevel.Minimum)]
    [InlineData("Basic Qualifications", RequirementLevel.Minimum)]
    [InlineData("Required qualifications -", RequirementLevel.Minimum)]
    [InlineData("Requirements", RequirementLevel.Minimum)]
    [InlineData("What you'll need", RequirementLevel.Minimum)]
    [InlineData("What You’ll Need:", RequirementLevel.Minimum)]
    [InlineData("## Requirements", RequirementLevel.Minimum)]
    [InlineData("Preferred Qualifications", RequirementLevel.Preferred)]
    [InlineData("**Preferred qualifications:**", RequirementLevel.Preferred)]
    [InlineData("Nice to have", RequirementLevel.Preferred)]
    [InlineData("Nice-to-have:", RequirementLevel.Preferred)]
    [InlineData("Bonus", RequirementLevel.Preferred)]
    [InlineData("BONUS POINTS!", RequirementLevel.Preferred)]
    public void Headed_sections_in_any_casing_and_punctuation_set_the_level(string heading, RequirementLevel level)
    {
        var text = $"Data Engineer\n\nAbout the job\nWe build pipelines.\n\n{heading}\n- Experience with Kubernetes\n- 3+ years of experience in SQL\n\nBenefits\nFree lunch and a gym.\n";

        var posting = _parser.Parse(text);

        Assert.Equal(["Experience with Kubernetes", "3+ years of experience in SQL"], posting.Requirements.Select(r => r.Text));
        Assert.All(posting.Requirements, r => Assert.Equal(level, r.Level));
        Assert.Contains(posting.Sections, s => s.Text.Contains("Free lunch", StringComparison.Ordinal));
    }

    [Fact]
    public void Skills_with_required_and_nice_to_have_sub_lists_become_minimum_and_preferred_skills()
    {
        const string text = """
            Senior Data Engineer

            What you'd actually do

              1. Build and run data pipelines for analytics.
              2. Mentor engineers on the team.

            Skills

            Required

              • Python
              • SQL
              • building reliable batch pipelines

            Nice to have

              • containerization (Docker, Kubernetes)
              • Tableau

            What the JD emphasized

              • Experience building reliable batch pipelines

            Other signals

              • building reliable batch pipelines
            """;

        var posting = _parser.Parse(text);

        Assert.Equal(["Python", "SQL", "building reliable batch pipelines"], Texts(posting, RequirementLevel.Minimum));
        Assert.Equal(["containerization (Docker, Kubernetes)", "Tableau"], Texts(posting, RequirementLevel.Preferred));
        Assert.All(posting.Requirements, r => Assert.Equal(RequirementCategory.Skill, r.Category));
        Assert.DoesNotContain(posting.Requirements, r => r.Text.Contains("Mentor", StringComparison.Ordinal));
    }

    [Fact]
    public void Paragraph_blocks_with_labelled_clauses_split_into_atomic_requirements()
    {
        const string text = """
            About

            Platform Engineering Manager

            Minimum Qualifications

            Domain skills: Deep understanding of distributed systems. Knowledge of Kubernetes operators and their failure modes.

            Soft skills: Excellent written and verbal communication skills. Ability to work hands-on in multi-functional teams.

            Preferred Qualifications

            Experience with Go.

            Experience in industry is a plus.
            """;

        var posting = _parser.Parse(text);

        Assert.Equal("Platform Engineering Manager", posting.Title);
        Assert.Equal(
            [
                "Deep understanding of distributed systems",
                "Knowledge of Kubernetes operators and their failure modes",
                "Excellent written and verbal communication skills",
                "Ability to work hands-on in multi-functional teams",
            ],
            Texts(posting, RequirementLevel.Minimum));
        Assert.Equal(["Experience with Go", "Experience in industry is a plus"], Texts(posting, RequirementLevel.Preferred));
    }

    [Fact]
    public void One_item_per_line_with_json_debris_and_preferred_before_minimum()
    {
        const string text = """
            Manager, Data Infrastructure
            We are a team that builds data systems. You will lead it.","responsibilities":"Lead a team of engineers building data infrastructure
            Define technical strategy and roadmap
            Want more jobs like this?
            Get Data and Analytics jobs in Cupertino, CA delivered to your inbox every week.
            Preferred Qualifications
            Experience building infrastructure for ML workflows
            Domain experience in computer vision or NLP
            Minimum Qualifications
            Bachelor's degree in Computer Science or a related field (or equivalent experience)
            7+ years of software engineering experience, with 2+ years in a technical leadership or management role
            Strong programming skills in one or more of: Python, Java, Go","internalDetails":null
            Pay & Benefits
            The base pay range for this role is between $198,300 and $342,800.
            """;

        var posting = _parser.Parse(text);

        Assert.Equal("Manager, Data Infrastructure", posting.Title);
        Assert.Equal(["Experience building infrastructure for ML workflows", "Domain experience in computer vision or NLP"],
            Texts(posting, RequirementLevel.Preferred));
        Assert.Equal(
            [
                "Bachelor's degree in Computer Science or a related field (or equivalent experience)",
                "7+ years of software engineering experience",
                "2+ years in a technical leadership or management role",
                "Strong programming skills in one or more of: Python, Java, Go",
            ],
            Texts(posting, RequirementLevel.Minimum));
        Assert.Contains(posting.Sections, s => s.Heading == "Responsibilities" && s.Text.StartsWith("Lead a team", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("• ")]
    [InlineData("- ")]
    [InlineData("* ")]
    [InlineData("1. ")]
    [InlineData("  3) ")]
    [InlineData("▪ ")]
    [InlineData("")]
    public void Bullets_and_numbering_are_stripped_from_items(string bullet)
    {
        var posting = _parser.Parse($"Analyst\nRequirements\n{bullet}Experience with Tableau\n{bullet}Proficiency in SQL\n");

        Assert.Equal(["Experience with Tableau", "Proficiency in SQL"], posting.Requirements.Select(r => r.Text));
    }

    [Theory]
    [InlineData("pay range", "The base pay range for this role is between $190,700 and $329,600.")]
    [InlineData("hourly pay", "$25 - $32 per hour, plus tips")]
    [InlineData("benefits", "You'll also receive benefits including: Comprehensive medical and dental coverage, retirement benefits.")]
    [InlineData("equal opportunity", "Acme is an equal opportunity employer that is committed to inclusion and diversity.")]
    [InlineData("legal", "Acme participates in the E-Verify program in certain locations as required by law.")]
    [InlineData("legal", "It is unlawful in Massachusetts to require or administer a lie detector test as a condition of employment.")]
    [InlineData("learn more link", "Learn more about Acme Benefits. (https://www.example.com/benefits.html)")]
    [InlineData("link", "https://www.example.com/careers/apply")]
    [InlineData("navigation", "Home > Careers > Engineering")]
    [InlineData("navigation", "Back to search results")]
    [InlineData("navigation", "Page 2 of 5")]
    [InlineData("navigation", "Apply now")]
    [InlineData("marketing", "Join us in shaping the next generation of machine learning technologies!")]
    [InlineData("marketing", "Hear directly from employees about what it is like to work at Acme.")]
    [InlineData("job alerts", "Want more jobs like this?")]
    [InlineData("job alerts", "Get Data and Analytics jobs in Cupertino, CA delivered to your inbox every week.")]
    [InlineData("json", "\",\"internalDetails\":null")]
    [InlineData("json", "{\"jobId\":12345,\"remote\":true}")]
    [InlineData("location", "Cupertino, California, United States")]
    [InlineData("date", "Mar 11, 2025")]
    public void Noise_inside_a_requirements_section_is_not_a_requirement(string kind, string noise)
    {
        var posting = _parser.Parse($"Engineer\nMinimum qualifications:\n{noise}\nExperience with Linux\n{noise}\n");

        Assert.True(posting.Requirements.Count == 1, $"{kind} noise became a requirement: {string.Join(" | ", posting.Requirements.Select(r => r.Text))}");
        Assert.Equal("Experience with Linux", posting.Requirements[0].Text);
    }

    [Fact]
    public void Inline_headings_carry_their_content()
    {
        var posting = _parser.Parse("Analyst\nMinimum qualifications: Bachelor's degree in Economics\nPreferred qualifications: Experience with Excel\n");

        Assert.Equal(["Bachelor's degree in Economics"], Texts(posting, RequirementLevel.Minimum));
        Assert.Equal(["Experience with Excel"], Texts(posting, RequirementLevel.Preferred));
    }

    [Fact]
    public void A_plus_under_a_minimum_heading_is_preferred()
    {
        var posting = _parser.Parse("Engineer\nRequirements\nExperience with Python\nExperience with Go is a plus\nKubernetes (preferred)\n");

        Assert.Equal(["Experience with Python"], Texts(posting, RequirementLevel.Minimum));
        Assert.Equal(["Experience with Go is a plus", "Kubernetes (preferred)"], Texts(posting, RequirementLevel.Preferred));
    }

    [Fact]
    public void Languages_block_after_the_posting_is_a_preferred_language_and_work_experience_tags_are_not_requirements()
    {
        var posting = _parser.Parse("Engineer\nNice-to-have skills\nPython\nSwift\nCalifornia, United States\n\nWork experience\nFullstack\nIT Consultant\n\nLanguages\n\nEnglish");

        Assert.Equal(["Python", "Swift", "English"], Texts(posting, RequirementLevel.Preferred));
        var english = posting.Requirements.Single(r => r.Text == "English");
        Assert.Equal(RequirementCategory.Language, english.Category);
        Assert.Equal(["English"], english.Attributes.Languages);
        Assert.Empty(Texts(posting, RequirementLevel.Minimum));
    }

    [Theory]
    [InlineData("About\n\nSenior Accountant\n\nCupertino, California, United States\n\nRequirements\nCPA\n", null, "Senior Accountant")]
    [InlineData("Senior Accountant\nRequirements\nCPA\n", "Staff Accountant", "Staff Accountant")]
    [InlineData("   \n\nSenior Accountant  \nRequirements\nCPA\n", null, "Senior Accountant")]
    public void Title_comes_from_the_hint_else_the_first_meaningful_line(string text, string? hint, string title)
    {
        Assert.Equal(title, _parser.Parse(text, hint).Title);
    }

    [Fact]
    public void A_posting_without_qualification_headings_keeps_lines_worded_as_qualifications()
    {
        var posting = _parser.Parse("Barista\nWe serve great coffee.\n- 2 years of experience in a cafe\n- Knowledge of espresso machines\n- Free drinks on shift\n");

        Assert.Equal(["2 years of experience in a cafe", "Knowledge of espresso machines"], Texts(posting, RequirementLevel.Minimum));
    }

    [Fact]
    public void Repeated_items_are_kept_once_at_the_stricter_level()
    {
        var posting = _parser.Parse("Engineer\nPreferred\nExperience with SQL\nRequirements\nExperience with SQL\nExperience with SQL\n");

        var requirement = Assert.Single(posting.Requirements);
        Assert.Equal(RequirementLevel.Minimum, requirement.Level);
    }
}
