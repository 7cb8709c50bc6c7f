using System.Collections.Frozen;
using System.Text;

namespace Match.Scoring.Postings;

/// <summary>What a posting heading opens.</summary>
internal enum HeadingKind
{
    /// <summary>Must-have qualifications ("Minimum Qualifications", "Requirements", "What you'll need", "Required").</summary>
    Minimum,

    /// <summary>Nice-to-have qualifications ("Preferred", "Nice to have", "Bonus").</summary>
    Preferred,

    /// <summary>A skills block; items are must-haves unless a "Nice to have" sub-heading follows.</summary>
    Skills,

    /// <summary>A languages block; keeps the level in force, or preferred when none is.</summary>
    Languages,

    /// <summary>Anything that holds no qualifications: about, responsibilities, pay, benefits, legal, job-board tags.</summary>
    NotRequirements,
}

/// <summary>Recognises section headings in any casing and punctuation ("MINIMUM QUALIFICATIONS:", "Nice-to-have", "What you’ll need").</summary>
internal static class SectionHeadings
{
    private static readonly FrozenDictionary<string, HeadingKind> Known = Build();

    /// <summary>The heading kind of a whole line, or null when the line is not a heading.</summary>
    public static HeadingKind? Classify(string line)
    {
        if (line.Length > 70)
        {
            return null;
        }

        var key = Normalize(line);
        return key.Length > 0 && Known.TryGetValue(key, out var kind) ? kind : null;
    }

    /// <summary>A heading with content after a colon on the same line ("Minimum qualifications: BS in CS"), or null.</summary>
    public static (HeadingKind Kind, string Heading, string Content)? ClassifyInline(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 60 || colon == line.Length - 1)
        {
            return null;
        }

        var rest = line[(colon + 1)..].Trim();
        return rest.Length > 0 && Classify(line[..colon]) is { } kind ? (kind, line[..colon].Trim(), rest) : ((HeadingKind, string, string)?)null;
    }

    /// <summary>Lower case, straight apostrophes, hyphens and symbols as spaces, bullets and markdown stripped, spaces folded.</summary>
    internal static string Normalize(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var raw in line)
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (c is '\'' or '’' or '‘')
            {
                builder.Append('\'');
            }
            else if (c == '&')
            {
                builder.Append(" and ");
            }
            else
            {
                builder.Append(' ');
            }
        }

        return RequirementText.FoldWhitespace(builder.ToString());
    }

    private static FrozenDictionary<string, HeadingKind> Build()
    {
        var map = new Dictionary<string, HeadingKind>(StringComparer.Ordinal);
        void Add(HeadingKind kind, params string[] phrases)
        {
            foreach (var phrase in phrases)
            {
                map[Normalize(phrase)] = kind;
            }
        }

        Add(HeadingKind.Minimum,
            "minimum qualifications", "minimum qualification", "basic qualifications", "required qualifications",
            "requirements", "requirement", "qualifications", "minimum requirements", "basic requirements",
            "job requirements", "key qualifications", "key requirements", "essential qualifications",
            "essential requirements", "essential skills", "essential criteria", "required skills", "required experience",
            "required skills and experience", "required", "must have", "must haves", "must have skills",
            "must have qualifications", "what you'll need", "what you will need", "what you need", "what you need to have",
            "what we're looking for", "what we are looking for", "what you bring", "what you'll bring",
            "what you will bring", "who you are", "you have", "you should have", "about you", "your profile",
            "skills and qualifications", "qualifications and skills", "skills and experience",
            "experience and qualifications", "requirements and qualifications", "qualifications and requirements",
            "minimum qualifications and experience", "core qualifications", "mandatory", "mandatory skills",
            "mandatory requirements", "what we need", "what you should have", "what it takes", "we're looking for",
            "we are looking for", "your qualifications", "your skills", "your experience", "knowledge skills and abilities",
            "skills required", "qualifications required", "candidate requirements", "candidate profile", "ideal candidate",
            "the ideal candidate", "who we're looking for", "who we are looking for", "job qualifications");

        Add(HeadingKind.Preferred,
            "preferred qualifications", "preferred qualification", "preferred", "preferred skills", "preferred experience",
            "preferred requirements", "preferred skills and experience", "nice to have", "nice to haves",
            "nice to have skills", "nice to have qualifications", "bonus", "bonus points", "bonus skills",
            "bonus qualifications", "bonus points if you have", "pluses", "plus", "it's a plus", "a plus", "extra credit",
            "even better", "desired qualifications", "desired skills", "desired", "desirable", "desirable qualifications",
            "desirable skills", "additional qualifications", "additional skills", "optional", "good to have",
            "good to haves", "ideal qualifications", "ideally you have", "ideally", "what would make you stand out",
            "ways to stand out", "ways to stand out from the crowd", "stand out if you have", "bonus if you have",
            "what sets you apart", "preferred qualifications and skills", "it would be great if you have",
            "nice if you have", "you might also have");

        Add(HeadingKind.Skills, "skills", "skill set", "skillset", "key skills", "core skills", "technical skills",
            "skills and tools", "tools and technologies", "technologies", "tech stack");

        Add(HeadingKind.Languages, "languages", "language", "language skills", "language requirements");

        Add(HeadingKind.NotRequirements,
            "about", "about us", "about the role", "about the team", "about the job", "about the company",
            "about the position", "about apple", "about google", "summary", "job summary", "description",
            "job description", "position description", "overview", "role overview", "job overview", "position overview",
            "the role", "the opportunity", "the team", "your role", "responsibilities", "key responsibilities",
            "job responsibilities", "duties", "duties and responsibilities", "responsibilities and duties",
            "what you'll do", "what you will do", "what you'd actually do", "what you'd do", "what you will be doing",
            "what you'll be doing", "day to day", "a day in the life", "benefits", "pay and benefits",
            "perks and benefits", "perks", "compensation", "salary", "pay", "what we offer", "what's in it for you",
            "why join us", "why us", "equal opportunity", "equal opportunity employer", "eeo statement", "eeo",
            "how to apply", "application process", "location", "locations", "apple footer", "footer", "note",
            "company videos", "what the jd emphasized", "other signals", "work experience", "posted", "role number",
            "additional information", "legal", "disclaimer", "our commitment", "diversity and inclusion",
            "life at apple", "similar jobs", "related jobs", "share this job", "hiring process", "interview process",
            "employment type", "job type", "schedule", "internal details", "your impact", "impact", "our mission",
            "who we are", "company description", "company overview", "about the employer", "team", "department",
            "job details", "details", "job info");

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
