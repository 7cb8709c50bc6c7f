using Match.Scoring.Resumes;
using Match.Scoring.Skills;
using Match.Scoring.Matching;
using Match.Scoring.Postings;
using static Match.Scoring.Tests.Matching.MatchingFixtures;

namespace Match.Scoring.Tests.Matching;

public class RequirementVerdictTests
{
    [Theory]
    // Skills: named skills through the vocabulary, aliases included ("k8s" is Kubernetes).
    [InlineData("engineering", "self-taught-engineer", "Experience with Kubernetes and Docker", RequirementCategory.Skill, RequirementStatus.Met, new[] { "2 of 2", "Kubernetes", "Docker" })]
    [InlineData("engineering", "junior-engineer", "Experience with Kubernetes and Docker", RequirementCategory.Skill, RequirementStatus.Partial, new[] { "1 of 2", "Docker" })]
    [InlineData("engineering", "chef", "Experience with Kubernetes and Docker", RequirementCategory.Skill, RequirementStatus.Missing, new[] { "0 of 2" })]
    // Years: summed over dated positions about what the years are of.
    [InlineData("accounting", "accountant", "5 years of experience in accounting", RequirementCategory.Experience, RequirementStatus.Met, new[] { "5+ years", "8 years found", "2012" })]
    [InlineData("accounting", "junior-accountant", "5 years of experience in accounting", RequirementCategory.Experience, RequirementStatus.Partial, new[] { "5+ years", "2 years found", "2022" })]
    [InlineData("accounting", "chef", "5 years of experience in accounting", RequirementCategory.Experience, RequirementStatus.Missing, new[] { "5+ years", "0 years found" })]
    // Degrees: level, then field.
    [InlineData("accounting", "accountant", "Bachelor's degree in Accounting or Finance", RequirementCategory.Education, RequirementStatus.Met, new[] { "bachelor's degree in Accounting found" })]
    [InlineData("accounting", "junior-accountant", "Bachelor's degree in Accounting or Finance", RequirementCategory.Education, RequirementStatus.Partial, new[] { "associate degree", "one level lower" })]
    [InlineData("accounting", "chef", "Bachelor's degree in Accounting or Finance", RequirementCategory.Education, RequirementStatus.Missing, new[] { "high school diploma found" })]
    [InlineData("engineering", "accountant", "Bachelor's degree in Computer Science", RequirementCategory.Education, RequirementStatus.Partial, new[] { "in another field" })]
    // "Or equivalent practical experience": at least 4 years of relevant work stand in for the degree.
    [InlineData("engineering", "self-taught-engineer", "Bachelor's degree in Computer Science or equivalent practical experience", RequirementCategory.Education, RequirementStatus.Met, new[] { "equivalent practical experience", "7 years of relevant experience" })]
    [InlineData("engineering", "junior-engineer", "Bachelor's degree in Computer Science or equivalent practical experience", RequirementCategory.Education, RequirementStatus.Partial, new[] { "3 years of relevant experience" })]
    [InlineData("engineering", "chef", "Bachelor's degree in Computer Science or equivalent practical experience", RequirementCategory.Education, RequirementStatus.Missing, new[] { "high school diploma found" })]
    // Languages: stated ones count; English is implied by an English résumé but a second language must be stated.
    [InlineData("accounting", "accountant", "Fluency in English and Spanish", RequirementCategory.Language, RequirementStatus.Met, new[] { "English, Spanish; stated: English, Spanish" })]
    [InlineData("accounting", "chef", "Fluency in English and Spanish", RequirementCategory.Language, RequirementStatus.Partial, new[] { "stated: none", "English shown by the résumé itself" })]
    [InlineData("accounting", "junior-accountant", "Fluent in Spanish", RequirementCategory.Language, RequirementStatus.Missing, new[] { "Spanish; stated: none" })]
    [InlineData("accounting", "chef", "Fluent in Italian", RequirementCategory.Language, RequirementStatus.Met, new[] { "stated: Italian" })]
    // Certifications: the named credential, found on a word boundary.
    [InlineData("accounting", "accountant", "CPA certification", RequirementCategory.Certification, RequirementStatus.Met, new[] { "CPA found" })]
    [InlineData("accounting", "junior-accountant", "CPA certification", RequirementCategory.Certification, RequirementStatus.Missing, new[] { "CPA not found" })]
    [InlineData("accounting", "chef", "Active CPA license", RequirementCategory.Certification, RequirementStatus.Missing, new[] { "CPA not found" })]
    public void Verdict_status_evidence_and_reason(string posting, string resume, string requirement, RequirementCategory category, RequirementStatus expected, string[] reasonMentions)
    {
        var typed = Minimum(requirement);
        Assert.Equal(category, typed.Category);

        var (match, profile) = Verdict(Posting(posting), Resume(resume), typed);

        Assert.Equal(expected, match.Status);
        Assert.InRange(match.Score, 0, 1);
        foreach (var mention in reasonMentions)
        {
            Assert.Contains(mention, match.Reason, StringComparison.Ordinal);
        }

        if (expected == RequirementStatus.Met)
        {
            Assert.NotNull(match.Evidence);
        }

        if (match.Evidence is { } evidence)
        {
            Assert.Equal(evidence.Text, profile.Text.Substring(evidence.Start, evidence.Length));
        }
    }

    [Fact]
    public void Met_scores_above_partial_and_partial_above_missing_for_the_same_requirement()
    {
        var requirement = Minimum("5 years of experience in accounting");

        var met = Verdict(AccountingRole, Accountant, requirement).Match.Score;
        var partial = Verdict(AccountingRole, JuniorAccountant, requirement).Match.Score;
        var missing = Verdict(AccountingRole, Chef, requirement).Match.Score;

        Assert.True(met > partial && partial > missing, $"met {met}, partial {partial}, missing {missing}");
    }

    [Fact]
    public void Years_evidence_quotes_a_relevant_dated_position()
    {
        var (match, profile) = Verdict(AccountingRole, Accountant, Minimum("5 years of experience in accounting"));

        var evidence = Assert.IsType<EvidenceSpan>(match.Evidence);
        Assert.Contains("Accountant", evidence.Text, StringComparison.Ordinal);
        Assert.Matches(@"20(12|16)", evidence.Text);
        Assert.Equal(evidence.Text, profile.Text.Substring(evidence.Start, evidence.Length));
    }

    [Fact]
    public void Years_reason_names_the_last_year_worked()
    {
        var (match, _) = Verdict(AccountingRole, Accountant, Minimum("5 years of experience in accounting"));

        Assert.Contains("2012–2019", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_evidence_is_the_line_that_names_the_skill()
    {
        var (match, profile) = Verdict(EngineeringRole, SelfTaughtEngineer, Minimum("Hands-on Kubernetes experience"));

        Assert.Equal(RequirementStatus.Met, match.Status);
        var evidence = Assert.IsType<EvidenceSpan>(match.Evidence);
        Assert.Contains("k8s", evidence.Text, StringComparison.Ordinal);
        Assert.Equal(evidence.Text, profile.Text.Substring(evidence.Start, evidence.Length));
    }
}

public class SoftSkillAndYearsTopicTests
{
    private static readonly SkillVocabulary WithSoftSkills = new([.. BuiltInSkills.Entries.Where(e => e.Canonical is "Teamwork" or "Python" or "Adaptability")]);

    [Theory]
    [InlineData("Skills\nTeam player, Python\nExperience\nAcme January 2015 to December 2020 Developer\nBuilt services.", RequirementStatus.Partial)]
    [InlineData("Skills\nPython\nExperience\nAcme January 2015 to December 2020 Developer\nBuilt services.", RequirementStatus.Missing)]
    public void A_soft_skill_requirement_not_shown_is_partial_when_the_resume_claims_soft_skills_of_its_own(string resume, RequirementStatus expected)
    {
        var profile = new ResumeAnalyzer(WithSoftSkills, Clock).Analyze(resume);
        var requirement = new Requirement(RequirementLevel.Preferred, RequirementCategory.Skill, "Thrives with ambiguity", new RequirementAttributes { Skills = ["Adaptability"] });
        var role = Model.Prepare(new RoleInput("Developer", "Developer role", [requirement]));

        Assert.Equal(expected, Model.Score(role, Model.Prepare(profile)).Requirements[0].Status);
    }

    [Fact]
    public void A_soft_skill_named_in_a_list_is_partial_evidence_not_met()
    {
        // "Team player" in a skills list names Teamwork, but a claim is not concrete evidence.
        var profile = new ResumeAnalyzer(WithSoftSkills, Clock).Analyze("Skills\nTeam player, Python\nExperience\nAcme January 2015 to December 2020 Developer\nBuilt Python services.");
        var requirement = new Requirement(RequirementLevel.Minimum, RequirementCategory.Skill, "Strong teamwork and collaboration with peers", new RequirementAttributes { Skills = ["Teamwork"] });
        var role = Model.Prepare(new RoleInput("Developer", "Developer role", [requirement]));

        var match = Model.Score(role, Model.Prepare(profile)).Requirements[0];

        Assert.True(BuiltInSkills.IsSoftSkill("Teamwork"));
        Assert.Equal(RequirementStatus.Partial, match.Status);
        Assert.Contains("1 of 1", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_concrete_skill_named_in_a_list_meets_the_requirement()
    {
        var profile = new ResumeAnalyzer(WithSoftSkills, Clock).Analyze("Skills\nTeam player, Python\nExperience\nAcme January 2015 to December 2020 Developer\nBuilt services.");
        var requirement = new Requirement(RequirementLevel.Minimum, RequirementCategory.Skill, "Python programming", new RequirementAttributes { Skills = ["Python"] });
        var role = Model.Prepare(new RoleInput("Developer", "Developer role", [requirement]));

        Assert.Equal(RequirementStatus.Met, Model.Score(role, Model.Prepare(profile)).Requirements[0].Status);
    }

    [Fact]
    public void Years_count_positions_whose_text_names_what_the_years_are_of_even_in_a_long_description()
    {
        // The position names "accounting" once among many other duties: still a position about accounting.
        var resume = """
            Experience
            Brightside Agency March 2012 to February 2018 Office Manager
            Ran accounting with vendor invoices, office supplies, travel bookings, calendars, reception desk, filing, onboarding of
            interns, newsletters, mailing lists, event logistics, catering orders, budget spreadsheets, kitchen and meeting minutes.
            """;
        var match = Verdict(AccountingRole, resume, Minimum("5 years of experience in accounting")).Match;

        Assert.Equal(RequirementStatus.Met, match.Status);
        Assert.Contains("6 years found", match.Reason, StringComparison.Ordinal);
    }
}

public class ColdModelTests
{
    // A model fitted on almost nothing: most words weigh 0, as on a fresh service.
    private static readonly MatchModel Cold = MatchModel.Fit(["Chef. Menu planning and kitchen management."], null, new MatchModelOptions(), Clock);

    [Fact]
    public void A_degree_in_the_named_field_fits_even_when_the_model_does_not_know_the_fields_words()
    {
        var profile = Analyzer.Analyze("Education\nBachelor of Science : Computer Science 2017\nExperience\nAcme January 2023 to December 2023 Intern");
        var requirement = Minimum("Bachelor's degree in Computer Science");
        var role = Cold.Prepare(new RoleInput("Engineer", "Engineer", [requirement]));

        var match = Cold.Score(role, Cold.Prepare(profile)).Requirements[0];

        Assert.Equal(RequirementStatus.Met, match.Status);
        Assert.DoesNotContain("another field", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_parts_stay_within_0_and_1_for_identical_texts()
    {
        const string text = "Data Engineer\nBuilt Python and SQL pipelines on Kubernetes for analytics teams.";
        var role = Model.Prepare(new RoleInput("Data Engineer", text, []));
        var fit = Model.Score(role, Model.Prepare(Analyzer.Analyze(text))).Profile;

        Assert.InRange(fit.Text, 0, 1);
        Assert.InRange(fit.Title, 0, 1);
        Assert.InRange(fit.Occupation, 0, 1);
        Assert.InRange(fit.Blend, 0, 1);
    }
}
