using Match.Scoring.Resumes;

namespace Match.Scoring.Tests.Resumes;

public class ResumeRedactorTests
{
    [Theory]
    [InlineData("Mail jane.doe+cv@example.co.uk today", "Mail [email] today")]
    [InlineData("Call +1 (555) 123-4567 or 555.123.4567", "Call [phone] or [phone]")]
    [InlineData("London +44 20 7946 0958", "London [phone]")]
    [InlineData("See https://janedoe.dev/cv and www.example.com, linkedin.com/in/jane", "See [url] and [url], [url]")]
    [InlineData("Lives at 1600 Pennsylvania Avenue NW, Washington", "Lives at [address], Washington")]
    [InlineData("221B Baker Street, Apt 4", "[address]")]
    public void Contact_details_are_masked(string text, string expected) =>
        Assert.Equal(expected, ResumeRedactor.Redact(text));

    [Theory]
    [InlineData("Analyst 2015 - 2019 at Company Name")]
    [InlineData("03/2018 - Present, managed 12 staff and a $4.6M budget")]
    [InlineData("Bachelor of Science : Accounting 2005")]
    public void Dates_amounts_and_degrees_are_left_alone(string text) =>
        Assert.Equal(text, ResumeRedactor.Redact(text));
}
