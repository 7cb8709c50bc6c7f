using Match.Scoring.Features;

namespace Match.Scoring.Tests.Features;

public class TermTextTests
{
    [Theory]
    [InlineData("C++", "cplusplus")]
    [InlineData("C#", "csharp")]
    [InlineData(".NET", "dotnet")]
    [InlineData("F#", "fsharp")]
    [InlineData("Node.js", "nodejs")]
    [InlineData("R&D", "rnd")]
    [InlineData("C", "c")]
    public void Technology_names_that_punctuation_would_break_stay_one_token(string text, string token)
    {
        Assert.Equal(token, TermText.Prepare(text, Stemming.None));
    }

    [Fact]
    public void Cpp_csharp_dotnet_and_c_are_four_different_terms()
    {
        var prepared = new[] { "C++", "C#", ".NET", "C" }.Select(t => TermText.Prepare($"Senior {t} developer", Stemming.None)).ToArray();

        Assert.Equal(4, prepared.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("senior cplusplus developer", prepared[0]);
        Assert.Equal("senior csharp developer", prepared[1]);
        Assert.Equal("senior dotnet developer", prepared[2]);
        Assert.Equal("senior c developer", prepared[3]);
    }

    [Theory]
    [InlineData("skills\tpython")]
    [InlineData("skills\npython")]
    [InlineData("skills\r\npython")]
    [InlineData("skills\u00A0python")]
    [InlineData("skills\u2003python")]
    [InlineData("skills,python")]
    [InlineData("skills / python")]
    [InlineData("  skills \u00A0\t python  ")]
    public void Any_whitespace_or_punctuation_becomes_one_space(string text)
    {
        Assert.Equal("skills python", TermText.Prepare(text, Stemming.None));
    }

    [Theory]
    [InlineData("Collaborating on Policies", Stemming.Porter, "collabor on polici")]
    [InlineData("Collaborating on Policies", Stemming.Plural, "collaborating on polici")]
    [InlineData("Collaborating on Policies", Stemming.None, "collaborating on policies")]
    [InlineData("", Stemming.Porter, "")]
    [InlineData("--- !!! ---", Stemming.Porter, "")]
    public void Prepare_lower_cases_strips_diacritics_and_stems(string text, Stemming stemming, string expected)
    {
        Assert.Equal(expected, TermText.Prepare(text, stemming));
    }

    [Fact]
    public void Prepare_strips_diacritics_before_stemming()
    {
        Assert.Equal("resume naive cafe", TermText.Prepare("Résumé naïve Café", Stemming.None));
        Assert.Equal(TermText.Prepare("resume", Stemming.Plural), TermText.Prepare("Résumés", Stemming.Plural));
    }

    [Theory]
    [InlineData("5+ years of experience with SQL and Python", "sql python")]
    [InlineData("Strong knowledge of GAAP", "gaap")]
    [InlineData("Ability to travel", "travel")]
    [InlineData("Experience", "Experience")]
    public void RequirementQuery_keeps_content_words_only(string requirement, string content)
    {
        Assert.Equal(content, RequirementQuery.ContentOf(requirement));
    }
}
