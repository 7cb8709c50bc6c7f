using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Skills;

namespace Match.Scoring.Tests.Resumes;

public class ResumeAnalyzerTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private static ResumeAnalyzer CreateAnalyzer(DateTimeOffset? now = null) => new(
        new SkillVocabulary(
        [
            new SkillEntry("Python", []),
            new SkillEntry("SQL", []),
            new SkillEntry("Financial Reporting", ["financial reports"]),
            new SkillEntry("Microsoft Excel", ["Excel", "MS Excel"]),
        ]),
        new FixedClock(now ?? Now));

    private const string SampleResume = """
        Jane Doe
        jane@example.com
        Summary
        Financial accountant with Python and SQL, fluent in Spanish.
        Highlights
        • Financial reporting
        • Excel
        Experience
        Company Name July 2011 to November 2012 Accountant
        City , State
        Prepared financial reports.
        Company Name June 2012 to Current Senior Accountant
        Education
        Bachelor of Science : Accounting 2005 University of Maryland City , State
        2001 - 2005
        Languages
        French
        """;

    [Fact]
    public void Analyze_finds_sections_in_order_with_offsets_into_the_text()
    {
        var profile = CreateAnalyzer().Analyze(SampleResume);

        Assert.Equal(
            [SectionKind.Header, SectionKind.Summary, SectionKind.Skills, SectionKind.Experience, SectionKind.Education, SectionKind.Languages],
            profile.Sections.Select(s => s.Kind));
        var experience = profile.Sections.Single(s => s.Kind == SectionKind.Experience);
        Assert.Equal("Experience", experience.Heading);
        var body = profile.Text.Substring(experience.Start, experience.Length);
        Assert.StartsWith("Company Name July 2011", body, StringComparison.Ordinal);
        Assert.EndsWith("Senior Accountant", body, StringComparison.Ordinal);
        Assert.Equal("Jane Doe\njane@example.com", profile.Text.Substring(profile.Sections[0].Start, profile.Sections[0].Length));
    }

    [Fact]
    public void Analyze_returns_normalised_text_and_skill_offsets_into_it()
    {
        var profile = CreateAnalyzer().Analyze(SampleResume.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(ResumeText.Normalize(SampleResume), profile.Text);
        Assert.Contains("- Financial reporting", profile.Text, StringComparison.Ordinal);
        Assert.Equal(["Python", "SQL", "Financial Reporting", "Microsoft Excel", "Financial Reporting"], profile.Skills.Select(s => s.Canonical));
        Assert.All(profile.Skills, s => Assert.Equal(
            s.Canonical == "Microsoft Excel" ? "Excel" : null ?? profile.Text.Substring(s.Start, s.Length),
            profile.Text.Substring(s.Start, s.Length)));
        Assert.Equal("Python", profile.Text.Substring(profile.Skills[0].Start, profile.Skills[0].Length));
    }

    [Fact]
    public void Analyze_merges_overlapping_periods_resolves_current_and_ignores_education_dates()
    {
        var profile = CreateAnalyzer().Analyze(SampleResume);

        Assert.Equal(2, profile.Periods.Count);
        Assert.Equal(new DateOnly(2011, 7, 1), profile.Periods[0].Start);
        Assert.Equal(new DateOnly(2012, 12, 1), profile.Periods[0].End);
        Assert.False(profile.Periods[0].IsCurrent);
        Assert.Equal("Accountant", profile.Periods[0].Title);
        Assert.True(profile.Periods[1].IsCurrent);
        Assert.Equal(new DateOnly(2024, 6, 15), profile.Periods[1].End);
        Assert.Equal("Senior Accountant", profile.Periods[1].Title);
        Assert.Equal("June 2012 to Current", profile.Text.Substring(profile.Periods[1].TextStart, profile.Periods[1].TextLength));

        // 2011-07-01 .. 2024-06-15 once, although the two jobs overlap for half a year; 2001 - 2005 is schooling.
        var expected = (new DateOnly(2024, 6, 15).DayNumber - new DateOnly(2011, 7, 1).DayNumber) / 365.25;
        Assert.Equal(expected, profile.TotalYears, 2);
    }

    [Fact]
    public void Current_is_resolved_against_the_injected_clock()
    {
        const string text = "Experience\nAnalyst 03/2018 - Present";

        var early = CreateAnalyzer(new DateTimeOffset(2020, 3, 1, 0, 0, 0, TimeSpan.Zero)).Analyze(text);
        var late = CreateAnalyzer(new DateTimeOffset(2023, 3, 1, 0, 0, 0, TimeSpan.Zero)).Analyze(text);

        Assert.Equal(2.0, early.TotalYears, 1);
        Assert.Equal(5.0, late.TotalYears, 1);
    }

    [Theory]
    [InlineData("July 2011 to November 2012", 2011, 7, 2012, 12, false)]
    [InlineData("June 2011 to Current", 2011, 6, 2024, 6, true)]
    [InlineData("2015 – 2019", 2015, 1, 2019, 1, false)]
    [InlineData("2015-2019", 2015, 1, 2019, 1, false)]
    [InlineData("2009 to 2011", 2009, 1, 2011, 1, false)]
    [InlineData("03/2018 - Present", 2018, 3, 2024, 6, true)]
    [InlineData("Jan 2010 - Dec 2012", 2010, 1, 2013, 1, false)]
    [InlineData("Sept. 2019 – present", 2019, 9, 2024, 6, true)]
    [InlineData("01/2016 to 04/2018", 2016, 1, 2018, 5, false)]
    [InlineData("January 2014\nto\nMarch 2015", 2014, 1, 2015, 4, false)]
    [InlineData("2012 - 2012", 2012, 1, 2013, 1, false)]
    [InlineData("2019 - 2030", 2019, 1, 2024, 6, false)]
    public void Period_formats_are_read(string range, int startYear, int startMonth, int endYear, int endMonth, bool current)
    {
        var profile = CreateAnalyzer().Analyze($"Experience\nCompany Name {range} Clerk");

        var period = Assert.Single(profile.Periods);
        Assert.Equal(new DateOnly(startYear, startMonth, 1), period.Start);
        Assert.Equal(endYear, period.End.Year);
        Assert.Equal(endMonth, period.End.Month);
        Assert.Equal(current, period.IsCurrent);
    }

    [Theory]
    [InlineData("Phone 555-2012")]
    [InlineData("Budget of $2,000-3,000")]
    [InlineData("Graduated 2010")]
    [InlineData("2030 - Present")]
    public void Text_that_is_not_a_range_gives_no_period(string line) =>
        Assert.Empty(CreateAnalyzer().Analyze($"Experience\n{line}").Periods);

    [Fact]
    public void Without_an_experience_heading_periods_outside_education_still_count()
    {
        var profile = CreateAnalyzer().Analyze("Jane Doe\nClerk 2010 - 2014\nEducation\nBA 2005 - 2009");

        var period = Assert.Single(profile.Periods);
        Assert.Equal(2010, period.Start.Year);
        Assert.Equal(4.0, profile.TotalYears, 1);
    }

    [Theory]
    [InlineData("Education\nHigh School Diploma 2001 Northwood High School", DegreeLevel.HighSchool, null)]
    [InlineData("Education\nGED", DegreeLevel.HighSchool, null)]
    [InlineData("Education\nAssociate of Science : Nursing 2010 Community College", DegreeLevel.Associate, "Nursing")]
    [InlineData("Education\nBachelor of Science : Accounting 2005 University of Maryland", DegreeLevel.Bachelor, "Accounting")]
    [InlineData("Education\nBachelor of Science in Computer Science, 2012", DegreeLevel.Bachelor, "Computer Science")]
    [InlineData("Education\nBachelors : Mechanical Engineering University of Tulsa", DegreeLevel.Bachelor, "Mechanical Engineering")]
    [InlineData("Education\nB.S. : Business Management , 04/2013", DegreeLevel.Bachelor, "Business Management")]
    [InlineData("Education\nBS in Nursing", DegreeLevel.Bachelor, "Nursing")]
    [InlineData("Education\nBachelor of Arts : Political Science Political Science", DegreeLevel.Bachelor, "Political Science")]
    [InlineData("Education\nMBA : Leadership Program ELIZABETHTOWN COLLEGE", DegreeLevel.Master, "Leadership Program")]
    [InlineData("Education\nBachelor of Science : Marketing City , State", DegreeLevel.Bachelor, "Marketing")]
    [InlineData("Education\nBA, History\nMBA : Marketing, IGlobal University Jun 2015", DegreeLevel.Master, "Marketing")]
    [InlineData("Education\nMaster of Business Administration 2015", DegreeLevel.Master, "Business Administration")]
    [InlineData("Education\nMBA 2015", DegreeLevel.Master, "Business Administration")]
    [InlineData("Education\nM.S. in Data Science\nB.S. in Physics", DegreeLevel.Master, "Data Science")]
    [InlineData("Education\nPh.D. in Chemistry, 2010\nM.S. in Chemistry", DegreeLevel.Doctorate, "Chemistry")]
    [InlineData("Education\nJD : Law 2007 Law School", DegreeLevel.Doctorate, "Law")]
    [InlineData("Education\nDoctor of Nursing Practice", DegreeLevel.Doctorate, "Nursing Practice")]
    [InlineData("Summary\nAccountant in Boston, MA using JD Edwards and MS Excel", DegreeLevel.None, null)]
    [InlineData("Experience\nSales Associate at a store", DegreeLevel.None, null)]
    [InlineData("Summary\nHolds a Bachelor of Arts in English", DegreeLevel.Bachelor, "English")]
    public void Highest_degree_and_field_are_read(string text, DegreeLevel level, string? field)
    {
        var profile = CreateAnalyzer().Analyze(text);

        Assert.Equal(level, profile.HighestDegree);
        Assert.Equal(field, profile.DegreeField);
    }

    [Theory]
    [InlineData("Summary\nFluent in Spanish.", new[] { "Spanish" })]
    [InlineData("Skills\nBilingual English/Spanish", new[] { "English", "Spanish" })]
    [InlineData("Languages\nFrench, German\nMandarin (conversational)", new[] { "French", "German", "Mandarin" })]
    [InlineData("Summary\nSpeaks French and Haitian Creole fluently", new[] { "French", "Haitian Creole" })]
    [InlineData("Summary\nExperienced in English literature. Managed Polish accounts", new string[0])]
    [InlineData("Education\nBachelor of Arts : English, second language studies", new string[0])]
    public void Stated_languages_are_read(string text, string[] languages) =>
        Assert.Equal(languages, CreateAnalyzer().Analyze(text).Languages);

    [Fact]
    public void Headings_are_recognised_case_insensitively_with_a_colon_but_not_inside_sentences()
    {
        var profile = CreateAnalyzer().Analyze("PROFESSIONAL SUMMARY:\nGood.\nWork History\nWe value experience\nSkills Highlights\nx\nLicenses\ny\nEducation and Training\nz");

        Assert.Equal(
            [SectionKind.Summary, SectionKind.Experience, SectionKind.Skills, SectionKind.Certifications, SectionKind.Education],
            profile.Sections.Select(s => s.Kind));
    }

    [Fact]
    public void Empty_text_gives_an_empty_profile()
    {
        var profile = CreateAnalyzer().Analyze("  \n\t ");

        Assert.Equal(string.Empty, profile.Text);
        Assert.Empty(profile.Sections);
        Assert.Equal(0, profile.TotalYears);
        Assert.Equal(DegreeLevel.None, profile.HighestDegree);
    }

    [FsCheck.Xunit.Property]
    public bool Sections_and_periods_always_lie_inside_the_text(string? input)
    {
        var profile = CreateAnalyzer().Analyze(input ?? string.Empty);
        return profile.Sections.All(s => s.Start >= 0 && s.Length >= 0 && s.Start + s.Length <= profile.Text.Length)
            && profile.Periods.All(p => p.TextStart >= 0 && p.TextStart + p.TextLength <= profile.Text.Length && p.End > p.Start)
            && profile.TotalYears >= 0;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
