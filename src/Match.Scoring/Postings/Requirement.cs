namespace Match.Scoring.Postings;

/// <summary>Whether a requirement must be met (minimum) or is a plus (preferred).</summary>
public enum RequirementLevel
{
    Minimum,
    Preferred,
}

/// <summary>What kind of qualification a requirement asks for.</summary>
public enum RequirementCategory
{
    Skill,
    Experience,
    Education,
    Language,
    Certification,
    Other,
}

/// <summary>Academic degree levels, ordered so that a higher value satisfies a lower one.</summary>
public enum DegreeLevel
{
    None = 0,
    HighSchool = 1,
    Associate = 2,
    Bachelor = 3,
    Master = 4,
    Doctorate = 5,
}

/// <summary>Structured facts the parser read from a requirement's text; every member is optional.</summary>
public sealed record RequirementAttributes
{
    public static readonly RequirementAttributes None = new();

    /// <summary>Minimum years of experience asked for, in years (e.g. 7 for "7+ years").</summary>
    public double? MinYears { get; init; }

    /// <summary>What the years are of, as written ("software engineering", "a technical leadership or management role").</summary>
    public string? YearsOf { get; init; }

    /// <summary>Lowest degree that satisfies the requirement.</summary>
    public DegreeLevel? Degree { get; init; }

    /// <summary>Fields of study named for the degree ("Computer Science", "Engineering").</summary>
    public IReadOnlyList<string> DegreeFields { get; init; } = [];

    /// <summary>True when the posting accepts equivalent practical experience instead of the degree.</summary>
    public bool EquivalentExperienceAccepted { get; init; }

    /// <summary>Canonical skill names mentioned in the requirement.</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Human languages the requirement asks for ("English", "Portuguese").</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Certifications or licences asked for ("CPA", "PMP", "AWS Solutions Architect"); the generic word when none is named.</summary>
    public IReadOnlyList<string> Certifications { get; init; } = [];
}

/// <summary>One atomic qualification of a role.</summary>
public sealed record Requirement(
    RequirementLevel Level,
    RequirementCategory Category,
    string Text,
    RequirementAttributes Attributes);

/// <summary>A headed block of a posting, as found in the raw text.</summary>
public sealed record PostingSection(string Heading, string Text);

/// <summary>What the posting parser read from a raw posting.</summary>
public sealed record ParsedPosting(
    string Title,
    IReadOnlyList<PostingSection> Sections,
    IReadOnlyList<Requirement> Requirements);
