using System.Collections.Frozen;

namespace Match.Scoring.Resumes;

/// <summary>Splits normalised résumé text into sections at lines that are a known heading and nothing else.</summary>
internal static class SectionSplitter
{
    private static readonly FrozenDictionary<string, SectionKind> Headings = BuildHeadings();

    public static IReadOnlyList<ResumeSection> Split(string text)
    {
        var headingsFound = new List<(SectionKind Kind, string Heading, int LineStart, int BodyStart)>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var kind = Classify(text.AsSpan(lineStart, lineEnd - lineStart));
            if (kind is not null)
            {
                var bodyStart = Math.Min(lineEnd + 1, text.Length);
                headingsFound.Add((kind.Value, text[lineStart..lineEnd], lineStart, bodyStart));
            }

            lineStart = lineEnd + 1;
        }

        var sections = new List<ResumeSection>();
        var firstHeadingStart = headingsFound.Count > 0 ? headingsFound[0].LineStart : text.Length;
        if (firstHeadingStart > 0)
        {
            sections.Add(new ResumeSection(SectionKind.Header, string.Empty, 0, TrimEnd(text, 0, firstHeadingStart)));
        }

        for (var i = 0; i < headingsFound.Count; i++)
        {
            var (kind, heading, _, bodyStart) = headingsFound[i];
            var end = i + 1 < headingsFound.Count ? headingsFound[i + 1].LineStart : text.Length;
            sections.Add(new ResumeSection(kind, heading, bodyStart, TrimEnd(text, bodyStart, end)));
        }

        return sections;
    }

    /// <summary>The section kind a line names when it is a heading alone (case-insensitive, optional trailing colon).</summary>
    public static SectionKind? Classify(ReadOnlySpan<char> line)
    {
        line = line.Trim().TrimEnd(':').TrimEnd();
        if (line.Length is 0 or > 40)
        {
            return null;
        }

        var lookup = Headings.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(line, out var kind) ? kind : null;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && text[end - 1] == '\n')
        {
            end--;
        }

        return end - start;
    }

    private static FrozenDictionary<string, SectionKind> BuildHeadings()
    {
        var map = new Dictionary<string, SectionKind>(StringComparer.OrdinalIgnoreCase);
        void Add(SectionKind kind, params string[] names)
        {
            foreach (var name in names)
            {
                map[name] = kind;
            }
        }

        Add(SectionKind.Summary, "Summary", "Professional Summary", "Profile", "Professional Profile", "Executive Profile",
            "Executive Summary", "Career Overview", "Career Focus", "Career Summary", "Objective", "Career Objective",
            "Professional Objective", "Summary of Qualifications", "Qualifications Summary", "About Me", "Overview");
        Add(SectionKind.Experience, "Experience", "Work History", "Employment", "Employment History", "Work Experience",
            "Professional Experience", "Relevant Experience", "Career History", "Professional History",
            "Experience and Employment", "Military Experience", "Teaching Experience", "Related Experience");
        Add(SectionKind.Education, "Education", "Education and Training", "Educational Background", "Academic Background",
            "Education & Training", "Academic Qualifications", "Education and Certifications", "Academics");
        Add(SectionKind.Skills, "Skills", "Highlights", "Skills Highlights", "Skill Highlights", "Core Qualifications",
            "Technical Skills", "Core Strengths", "Core Competencies", "Qualifications", "Areas of Expertise", "Key Skills",
            "Computer Skills", "Professional Skills", "Skills and Abilities", "Technical Proficiencies", "Expertise",
            "Competencies", "Additional Skills");
        Add(SectionKind.Certifications, "Certifications", "Certification", "Certificates", "Licenses", "Licensure",
            "Licenses and Certifications", "Certifications and Licenses", "Licenses & Certifications",
            "Certifications & Licenses", "Professional Certifications");
        Add(SectionKind.Languages, "Languages", "Language", "Language Skills", "Language Proficiency");
        Add(SectionKind.Other, "Accomplishments", "Core Accomplishments", "Additional Information", "Interests",
            "Affiliations", "Professional Affiliations", "Personal Information", "Activities and Honors", "Activities",
            "Honors", "Awards", "Honors and Awards", "Awards and Honors", "Publications", "Presentations", "References",
            "Volunteer Experience", "Volunteer Work", "Community Service", "Projects", "Hobbies", "Memberships",
            "Leadership Experience", "Training");
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
