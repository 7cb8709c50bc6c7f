using Match.Scoring.Resumes;

namespace Match.Scoring.Tests.Resumes;

public class ResumeTextTests
{
    [Theory]
    [InlineData("a\r\nb\rc", "a\nb\nc")]
    [InlineData("a\u00A0\u00A0b\tc", "a b c")]
    [InlineData("\uFB01nance and work\uFB02ow, e\uFB00ort", "finance and workflow, effort")]
    [InlineData("• Python\n▪ SQL\n● C\n◦ Excel", "- Python\n- SQL\n- C\n- Excel")]
    [InlineData("\uF0B7 Symbol-font bullet", "- Symbol-font bullet")]
    [InlineData("   lots    of     space   \n  next  ", "lots of space\nnext")]
    [InlineData("bell\u0007 and\u0000 nul\u200B zero-width", "bell and nul zero-width")]
    [InlineData("\n\n\nfirst\n\n\n\nsecond\n\n", "first\n\nsecond")]
    [InlineData("Cafe\u0301", "Café")]
    public void Normalize_produces_clean_text(string input, string expected) =>
        Assert.Equal(expected, ResumeText.Normalize(input));

    [Fact]
    public void Normalize_keeps_line_structure() =>
        Assert.Equal(3, ResumeText.Normalize("Summary\nSkills\nEducation").Split('\n').Length);

    [FsCheck.Xunit.Property]
    public bool Normalize_is_idempotent(string? input)
    {
        var once = ResumeText.Normalize(input ?? string.Empty);
        return ResumeText.Normalize(once) == once;
    }

    [FsCheck.Xunit.Property]
    public bool Normalize_leaves_no_tabs_carriage_returns_or_double_spaces(string? input)
    {
        var clean = ResumeText.Normalize(input ?? string.Empty);
        return !clean.Contains('\r') && !clean.Contains('\t') && !clean.Contains("  ", StringComparison.Ordinal)
            && clean.Split('\n').All(line => line == line.Trim());
    }
}
