using Match.Scoring.Postings;

namespace Match.Scoring.Tests.Postings;

public class RequirementAnalyzerTests
{
    private readonly RequirementAnalyzer _analyzer = new(TestVocabulary.Instance);

    [Fact]
    public void Two_years_figures_become_two_experience_requirements()
    {
        var found = _analyzer.Analyze(RequirementLevel.Minimum,
            "7+ years of software engineering experience, with 2+ years in a technical leadership or management role");

        Assert.Collection(found,
            r =>
            {
                Assert.Equal("7+ years of software engineering experience", r.Text);
                Assert.Equal(RequirementCategory.Experience, r.Category);
                Assert.Equal(7, r.Attributes.MinYears);
                Assert.Equal("software engineering", r.Attributes.YearsOf);
            },
            r =>
            {
                Assert.Equal("2+ years in a technical leadership or management role", r.Text);
                Assert.Equal(RequirementCategory.Experience, r.Category);
                Assert.Equal(2, r.Attributes.MinYears);
                Assert.Equal("a technical leadership or management role", r.Attributes.YearsOf);
            });
        Assert.All(found, r => Assert.Equal(RequirementLevel.Minimum, r.Level));
    }

    [Theory]
    [InlineData("10 years of experience in Design and Manufacturing in a New Product Introduction (NPI) role.", 10, "Design and Manufacturing in a New Product Introduction (NPI) role")]
    [InlineData("5 years of experience with data analysis.", 5, "data analysis")]
    [InlineData("3+ years of relevant work experience in sales or equivalent", 3, "sales")]
    [InlineData("Minimum of two years working in a hospital setting", 2, "a hospital setting")]
    [InlineData("4-6 years of product management experience", 4, "product management")]
    public void Years_and_what_they_are_of_are_read(string text, double years, string of)
    {
        var requirement = Assert.Single(_analyzer.Analyze(RequirementLevel.Minimum, text));

        Assert.Equal(RequirementCategory.Experience, requirement.Category);
        Assert.Equal(years, requirement.Attributes.MinYears);
        Assert.Equal(of, requirement.Attributes.YearsOf);
    }

    [Fact]
    public void Years_joined_by_and_split_but_alternatives_joined_by_or_do_not()
    {
        var joined = _analyzer.Analyze(RequirementLevel.Minimum,
            "5 years of experience with data analysis, and 3 years of experience managing teams.");
        var alternative = _analyzer.Analyze(RequirementLevel.Minimum,
            "Master's degree or 4 years of experience in finance.");

        Assert.Equal([5.0, 3.0], joined.Select(r => r.Attributes.MinYears ?? 0));
        Assert.Single(alternative);
    }

    [Theory]
    [InlineData("BA/BS degree or equivalent practical experience", DegreeLevel.Bachelor, true, new string[0])]
    [InlineData("Bachelor's degree in Computer Science, Engineering, or a related field.", DegreeLevel.Bachelor, false, new[] { "Computer Science", "Engineering" })]
    [InlineData("Master's degree", DegreeLevel.Master, false, new string[0])]
    [InlineData("PhD in Machine Learning or Statistics", DegreeLevel.Doctorate, false, new[] { "Machine Learning", "Statistics" })]
    [InlineData("Bachelor's, Master's, or Ph.D. in Computer Science, Computer Engineering, or a related field (or equivalent experience)", DegreeLevel.Bachelor, true, new[] { "Computer Science", "Computer Engineering" })]
    [InlineData("BS degree in Engineering or equivalent practical experience.", DegreeLevel.Bachelor, true, new[] { "Engineering" })]
    [InlineData("MS or PhD in Physics", DegreeLevel.Master, false, new[] { "Physics" })]
    [InlineData("High school diploma or GED", DegreeLevel.HighSchool, false, new string[0])]
    [InlineData("Advanced degree in a quantitative discipline", DegreeLevel.Master, false, new[] { "quantitative discipline" })]
    [InlineData("Master's degree in related field", DegreeLevel.Master, false, new string[0])]
    [InlineData("MS/PhD degree in an analytical field such as Engineering, Statistics, or Economics, or equivalent practical experience", DegreeLevel.Master, true, new[] { "analytical field", "Engineering", "Statistics", "Economics" })]
    [InlineData("Bachelor's degree in Accounting or other Finance related fields or equivalent practical experience", DegreeLevel.Bachelor, true, new[] { "Accounting", "Finance" })]
    public void Degree_level_fields_and_equivalence_are_read(string text, DegreeLevel degree, bool equivalent, string[] fields)
    {
        var requirement = Assert.Single(_analyzer.Analyze(RequirementLevel.Minimum, text));

        Assert.Equal(RequirementCategory.Education, requirement.Category);
        Assert.Equal(degree, requirement.Attributes.Degree);
        Assert.Equal(equivalent, requirement.Attributes.EquivalentExperienceAccepted);
        Assert.Equal(fields, requirement.Attributes.DegreeFields);
    }

    [Fact]
    public void A_degree_joined_to_years_splits_into_education_and_experience()
    {
        var found = _analyzer.Analyze(RequirementLevel.Minimum,
            "Bachelor's degree in Finance and 4 years of experience in financial planning");

        Assert.Equal([RequirementCategory.Education, RequirementCategory.Experience], found.Select(r => r.Category));
        Assert.Equal(4, found[1].Attributes.MinYears);
        Assert.Equal(["Finance"], found[0].Attributes.DegreeFields);
    }

    [Theory]
    [InlineData("MS Office and Excel")]
    [InlineData("Experience with AWS and BS detection tooling")]
    public void Ambiguous_abbreviations_without_degree_wording_are_not_degrees(string text)
    {
        Assert.All(_analyzer.Analyze(RequirementLevel.Minimum, text), r => Assert.Null(r.Attributes.Degree));
    }

    [Theory]
    [InlineData("Ability to speak and write in English and Portuguese fluently", new[] { "English", "Portuguese" })]
    [InlineData("Fluency in Japanese", new[] { "Japanese" })]
    [InlineData("English", new[] { "English" })]
    [InlineData("Languages: English, Spanish", new[] { "English", "Spanish" })]
    public void Language_requirements_name_their_languages(string text, string[] languages)
    {
        var found = _analyzer.Analyze(RequirementLevel.Minimum, text);

        Assert.NotEmpty(found);
        Assert.All(found, r => Assert.Equal(RequirementCategory.Language, r.Category));
        Assert.Equal(languages, found.SelectMany(r => r.Attributes.Languages));
    }

    [Theory]
    [InlineData("CPA certification required", "CPA")]
    [InlineData("PMP or equivalent project management certification", "PMP")]
    [InlineData("Active CFA charter holder", "CFA")]
    [InlineData("Certified Public Accountant", "Public Accountant")]
    [InlineData("AWS Solutions Architect certification", "AWS Solutions Architect")]
    [InlineData("Valid nursing license in the state of practice", "license")]
    public void Certifications_and_licences_are_typed(string text, string name)
    {
        var requirement = Assert.Single(_analyzer.Analyze(RequirementLevel.Preferred, text));

        Assert.Equal(RequirementCategory.Certification, requirement.Category);
        Assert.Contains(name, requirement.Attributes.Certifications);
    }

    [Theory]
    [InlineData("Proficiency in Python and SQL", new[] { "Python", "SQL" })]
    [InlineData("Strong programming skills in one or more of: Python, Java, Go, C/C++", new[] { "Python", "Java", "Go", "C", "C++" })]
    [InlineData("Experience with Kubernetes", new[] { "Kubernetes" })]
    public void Skill_named_lines_are_skills_with_their_canonical_names(string text, string[] skills)
    {
        var requirement = Assert.Single(_analyzer.Analyze(RequirementLevel.Minimum, text));

        Assert.Equal(RequirementCategory.Skill, requirement.Category);
        Assert.Equal(skills, requirement.Attributes.Skills);
    }

    [Theory]
    [InlineData("Excellent written and verbal communication skills.", RequirementCategory.Skill)]
    [InlineData("Experience in camera manufacturing.", RequirementCategory.Experience)]
    [InlineData("Self-starter with innovation, integrity and attention to details.", RequirementCategory.Other)]
    public void Lines_without_named_facts_fall_back_on_their_wording(string text, RequirementCategory category)
    {
        var requirement = Assert.Single(_analyzer.Analyze(RequirementLevel.Minimum, text));

        Assert.Equal(category, requirement.Category);
        Assert.Equal(text.TrimEnd('.'), requirement.Text);
    }

    [Fact]
    public void A_labelled_paragraph_splits_into_one_requirement_per_sentence_without_the_label()
    {
        var found = _analyzer.Analyze(RequirementLevel.Minimum,
            "Soft skills: Excellent written and verbal communication skills. Ability to work hands-on in multi-functional teams. " +
            "Demonstrated capacity to build solid relationships across organizations (R&D, privacy and legal, tools & infrastructure...). " +
            "Familiarity with tools, e.g. Jira, and ways of working.");

        Assert.Equal(
            [
                "Excellent written and verbal communication skills",
                "Ability to work hands-on in multi-functional teams",
                "Demonstrated capacity to build solid relationships across organizations (R&D, privacy and legal, tools & infrastructure...)",
                "Familiarity with tools, e.g. Jira, and ways of working",
            ],
            found.Select(r => r.Text));
        Assert.All(found, r => Assert.Equal(RequirementCategory.Skill, r.Category));
    }

    [Fact]
    public void A_second_ability_joined_by_and_is_its_own_requirement()
    {
        var found = _analyzer.Analyze(RequirementLevel.Minimum,
            "High fluency in Python and ability to navigate in C/C++/Objective-C/Swift code bases.");

        Assert.Equal(["High fluency in Python", "Ability to navigate in C/C++/Objective-C/Swift code bases"], found.Select(r => r.Text));
        Assert.Equal(["Python"], found[0].Attributes.Skills);
        Assert.Equal(["C", "C++", "Objective-C", "Swift"], found[1].Attributes.Skills);
    }

    [Fact]
    public void A_labelled_bare_list_is_one_requirement_per_item()
    {
        var found = _analyzer.Analyze(RequirementLevel.Preferred, "Tools: Python, SQL, and Tableau");

        Assert.Equal(["Python", "SQL", "Tableau"], found.Select(r => r.Text));
        Assert.All(found, r => Assert.Equal(RequirementCategory.Skill, r.Category));
    }

    [Theory]
    [InlineData("• Experience with Kubernetes")]
    [InlineData("- Experience with Kubernetes")]
    [InlineData("* Experience with Kubernetes")]
    [InlineData("3. Experience with Kubernetes")]
    [InlineData("2) Experience with Kubernetes")]
    [InlineData("  ▪   Experience   with\tKubernetes  ")]
    [InlineData("Experience with Kubernetes\",\"internalDetails\":null")]
    [InlineData("\",\"qualifications\":\"Experience with Kubernetes")]
    public void Bullets_numbering_whitespace_and_json_debris_are_stripped(string text)
    {
        var requirement = Assert.Single(_analyzer.Analyze(RequirementLevel.Minimum, text));

        Assert.Equal("Experience with Kubernetes", requirement.Text);
    }

    [Theory]
    [InlineData("Learn more about Apple Benefits. (https://www.apple.com/careers/us/benefits.html)")]
    [InlineData("The base pay range for this role is between $190,700 and $329,600.")]
    [InlineData("We are an equal opportunity employer and value diversity.")]
    [InlineData("Want more jobs like this?")]
    [InlineData("California, United States")]
    [InlineData("\",\"internalDetails\":null")]
    [InlineData("   ")]
    public void Noise_yields_no_requirement(string text)
    {
        Assert.Empty(_analyzer.Analyze(RequirementLevel.Minimum, text));
    }
}
