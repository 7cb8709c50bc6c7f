using Match.Scoring.Skills;

namespace Match.Scoring.Tests.Skills;

public class SkillListReaderTests
{
    [Fact]
    public void Reads_sections_aliases_and_markers()
    {
        const string text = """
            # comment
            ## Programming (family: tech; context: tech, data)
            Python | py3
            ?!Go | Golang; Go language

            ## Money (family: finance)
            Accounts Receivable | A/R; ?!AR
            """;

        var entries = SkillListReader.Read(new StringReader(text));

        Assert.Equal(["Python", "Go", "Accounts Receivable"], entries.Select(e => e.Canonical));
        Assert.Equal(["Golang", "Go language"], entries[1].Aliases);
        Assert.Equal(["Go"], entries[1].ContextOnly);
        Assert.Equal(["Go"], entries[1].ExactCase);
        Assert.Equal(["tech", "data"], entries[1].ContextFamilies);
        Assert.Equal("Programming", entries[1].Group);
        Assert.Equal(["AR"], entries[2].ContextOnly);
        Assert.Equal("finance", entries[2].Family);
        Assert.Empty(entries[2].ContextFamilies);
    }

    [Theory]
    [InlineData("Python | py\n", "Line 1")]
    [InlineData("## Tech (family: tech)\nPython | a | b\n", "Line 2")]
    [InlineData("## Tech\nPython\n", "Line 1")]
    [InlineData("## Tech (family: tech)\n\nPython | ; ?! \n", "Line 3")]
    public void Malformed_lines_fail_with_the_line_number(string text, string line)
    {
        var error = Assert.Throws<InvalidDataException>(() => SkillListReader.Read(new StringReader(text)));

        Assert.StartsWith(line + ":", error.Message, StringComparison.Ordinal);
    }
}
