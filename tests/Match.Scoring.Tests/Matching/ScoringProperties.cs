using FsCheck;
using FsCheck.Xunit;
using Match.Scoring.Postings;
using static Match.Scoring.Tests.Matching.MatchingFixtures;

namespace Match.Scoring.Tests.Matching;

public class ScoringProperties
{
    // Résumé- and requirement-shaped pieces, so arbitrary input also reaches dates, degrees, languages, skills and headings.
    private static readonly string[] Fragments =
    [
        "Experience\n", "Education\n", "Skills\n", "Languages\n", "Certifications\n", "January 2015 to March 2019 ", "2010 - 2012 ",
        "03/2018 - Present ", "Bachelor of Science : Accounting ", "Master's degree in Computer Science ", "High School Diploma ",
        "Fluent in Spanish. ", "English, French\n", "CPA ", "k8s ", "Docker ", "Python ", "GAAP ", "5+ years of experience in ",
        "or equivalent practical experience ", "accounting ", "kitchen ", "• ", "- ", "\t", "\u00A0", "\r\n", ". ", ", ", "C++ ",
        ".NET ", "C# ", "Senior Accountant ", "Software Engineer ", "years ", "degree ", "fluency in English and Japanese ",
    ];

    [Property(MaxTest = 200)]
    public bool Scores_are_in_range_for_arbitrary_text(NonNull<string> resume, NonNull<string>[] requirements)
    {
        var typed = (requirements ?? []).Take(20).Select((r, i) => i % 2 == 0 ? Minimum(r.Get) : Preferred(r.Get)).ToArray();
        return InRange(AccountingRole, resume.Get, typed);
    }

    [Property(MaxTest = 200)]
    public bool Scores_are_in_range_for_resume_and_requirement_shaped_text(int[] resumePicks, string?[] noise, int[][] requirementPicks, bool minimum)
    {
        var resume = Compose(resumePicks, noise);
        var typed = (requirementPicks ?? []).Take(20)
            .Select((picks, i) => Compose(picks, null))
            .Select((text, i) => (minimum ^ (i % 2 == 1)) ? Minimum(text) : Preferred(text))
            .ToArray();
        return InRange(EngineeringRole, resume, typed);
    }

    private static string Compose(int[]? picks, string?[]? noise) =>
        string.Concat((picks ?? []).Select((p, i) =>
            Fragments[(int)((uint)p % (uint)Fragments.Length)] + (noise is { Length: > 0 } ? noise[i % noise.Length] ?? "" : "")));

    private static bool InRange(string posting, string resume, Requirement[] requirements)
    {
        var profile = Analyzer.Analyze(resume);
        var score = Model.Score(Model.Prepare(Role(posting, requirements)), Model.Prepare(profile));
        return score.Score is >= 0 and <= 100
            && score.Requirements.Count == requirements.Length
            && score.Requirements.All(r => r.Score is >= 0 and <= 1)
            && score.Requirements.All(r => r.Evidence is null || profile.Text.Substring(r.Evidence.Start, r.Evidence.Length) == r.Evidence.Text)
            && score.KnockOuts.All(k => score.Requirements[k].Level == RequirementLevel.Minimum && score.Requirements[k].Status == Match.Scoring.Matching.RequirementStatus.Missing);
    }
}
