using FsCheck;
using FsCheck.Xunit;
using Match.Scoring.Postings;

namespace Match.Scoring.Tests.Postings;

public class PostingParserProperties
{
    private static readonly PostingParser Parser = new(TestVocabulary.Instance);

    // Posting-shaped pieces, so arbitrary input also exercises headings, bullets, labels, years and JSON debris.
    private static readonly string[] Fragments =
    [
        "Minimum Qualifications", "Preferred qualifications:", "Skills", "Required", "Nice to have", "Languages",
        "Responsibilities", "• ", "- ", "1. ", "Domain skills: ", "7+ years of ", ", with 2+ years in ", "Bachelor's degree in ",
        "\",\"responsibilities\":\"", "\",\"x\":null", "$100,000 and $200,000", "Learn more", "e.g. ", "Ph.D. ", ". ", "; ",
        ":", "\n", "\r\n", "  ", "(", ")", "\"", "English", "C++", "is a plus", "or equivalent practical experience",
    ];

    [Property(MaxTest = 500)]
    public bool Parse_never_throws_and_every_requirement_text_is_non_empty_and_trimmed(string?[] pieces, int[] picks)
    {
        var text = string.Concat((pieces ?? []).Select((p, i) =>
            (p ?? "") + Fragments[(uint)(picks is { Length: > 0 } ? picks[i % picks.Length] : i) % (uint)Fragments.Length]));

        var posting = Parser.Parse(text);

        return posting.Title is not null
            && posting.Requirements.All(r => r.Text.Length > 0 && r.Text == r.Text.Trim() && r.Text.Any(char.IsLetterOrDigit));
    }

    [Property(MaxTest = 500)]
    public bool Parse_never_throws_on_arbitrary_strings(NonNull<string> text)
    {
        var posting = Parser.Parse(text.Get);
        return posting.Requirements.All(r => r.Text.Length > 0 && r.Text == r.Text.Trim());
    }

    // Catastrophic backtracking would surface as RegexMatchTimeoutException on these long single lines.
    [Theory]
    [InlineData("Bachelor's degree in Computer Science, ")]
    [InlineData("7+ years of experience in X, with ")]
    [InlineData("; a")]
    [InlineData("a.")]
    [InlineData("•-* ")]
    [InlineData("\",\"k\":\"")]
    [InlineData("Domain skills: ")]
    [InlineData("$1 - ")]
    [InlineData("Certified Public ")]
    [InlineData("(")]
    public void Long_repetitive_lines_parse_without_regex_timeouts(string unit)
    {
        var line = string.Concat(Enumerable.Repeat(unit, 40_000 / unit.Length));

        var posting = Parser.Parse($"Engineer\nMinimum qualifications:\n{line}\nPreferred qualifications:\n- {line}\n");

        Assert.All(posting.Requirements, r => Assert.Equal(r.Text.Trim(), r.Text));
    }
}
