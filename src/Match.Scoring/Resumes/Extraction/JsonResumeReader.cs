using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Match.Scoring.Resumes.Extraction;

/// <summary>Maps a JSON Resume 1.0.0 document (jsonresume.org schema) field by field to headed résumé text the analyzer reads.</summary>
public static class JsonResumeReader
{
    private static readonly string[] TopLevelKeys =
        ["basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills", "languages", "interests", "projects"];

    /// <summary>True when the JSON object has at least one JSON Resume top-level section.</summary>
    public static bool IsJsonResume(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && TopLevelKeys.Any(k => root.TryGetProperty(k, out _));

    /// <summary>Headed text: contact lines, Summary, Experience, Volunteer Experience, Education, Certifications, Awards, Skills, Languages, Projects, Publications, Interests.</summary>
    public static string ToText(JsonElement root)
    {
        var text = new StringBuilder();
        if (root.TryGetProperty("basics", out var basics) && basics.ValueKind == JsonValueKind.Object)
        {
            Line(text, Str(basics, "name"));
            Line(text, Str(basics, "label"));
            Line(text, Join(", ", Str(basics, "email"), Str(basics, "phone"), Str(basics, "url")));
            if (basics.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object)
            {
                Line(text, Join(", ", Str(location, "address"), Str(location, "city"), Str(location, "region"),
                    Str(location, "postalCode"), Str(location, "countryCode")));
            }

            foreach (var profile in Items(basics, "profiles"))
            {
                Line(text, Join(": ", Str(profile, "network"), Str(profile, "username") ?? Str(profile, "url")));
            }

            if (Str(basics, "summary") is { } summary)
            {
                Heading(text, "Summary");
                Line(text, summary);
            }
        }

        Positions(text, root, "work", "Experience", "name", "position");
        Positions(text, root, "volunteer", "Volunteer Experience", "organization", "position");

        var education = Items(root, "education").ToList();
        if (education.Count > 0)
        {
            Heading(text, "Education");
            foreach (var item in education)
            {
                var studyType = Str(item, "studyType");
                var area = Str(item, "area");
                // "Bachelor degree in Computer Science" is a form the degree reader recognises for any studyType.
                var degree = studyType is null ? area
                    : area is null ? studyType
                    : studyType.Contains("degree", StringComparison.OrdinalIgnoreCase) ? $"{studyType} in {area}"
                    : $"{studyType} degree in {area}";
                Line(text, Join(", ", degree, Str(item, "institution")));
                Line(text, Dates(item));
                Line(text, Str(item, "score") is { } score ? $"Score: {score}" : null);
                var courses = Strings(item, "courses").ToList();
                Line(text, courses.Count > 0 ? "Courses: " + string.Join(", ", courses) : null);
            }
        }

        List(text, root, "certificates", "Certifications", c => Join(", ", Str(c, "name"), Str(c, "issuer"), Str(c, "date")));
        List(text, root, "awards", "Awards", a => Join(", ", Str(a, "title"), Str(a, "awarder"), Str(a, "date"), Str(a, "summary")));

        var skills = Items(root, "skills").ToList();
        if (skills.Count > 0)
        {
            Heading(text, "Skills");
            foreach (var skill in skills)
            {
                var keywords = Strings(skill, "keywords").ToList();
                var head = Join(" ", Str(skill, "name"), Str(skill, "level") is { } level ? $"({level})" : null);
                Line(text, keywords.Count == 0 ? head : Join(": ", head, string.Join(", ", keywords)));
            }
        }

        List(text, root, "languages", "Languages", l => Join(" ", Str(l, "language"), Str(l, "fluency") is { } f ? $"({f})" : null));

        var projects = Items(root, "projects").ToList();
        if (projects.Count > 0)
        {
            Heading(text, "Projects");
            foreach (var project in projects)
            {
                Line(text, Join(", ", Str(project, "name"), Dates(project)));
                Line(text, Str(project, "description"));
                foreach (var highlight in Strings(project, "highlights"))
                {
                    Line(text, "- " + highlight);
                }
            }
        }

        List(text, root, "publications", "Publications", p => Join(", ", Str(p, "name"), Str(p, "publisher"), Str(p, "releaseDate")));
        List(text, root, "interests", "Interests", i =>
        {
            var keywords = Strings(i, "keywords").ToList();
            return keywords.Count == 0 ? Str(i, "name") : Join(": ", Str(i, "name"), string.Join(", ", keywords));
        });

        return ResumeText.Normalize(text.ToString());
    }

    private static void Positions(StringBuilder text, JsonElement root, string key, string heading, string organisationKey, string positionKey)
    {
        var items = Items(root, key).ToList();
        if (items.Count == 0)
        {
            return;
        }

        Heading(text, heading);
        foreach (var item in items)
        {
            Line(text, Join(", ", Str(item, positionKey), Str(item, organisationKey), Str(item, "location")));
            Line(text, Dates(item));
            Line(text, Str(item, "summary") ?? Str(item, "description"));
            foreach (var highlight in Strings(item, "highlights"))
            {
                Line(text, "- " + highlight);
            }

            text.Append('\n');
        }
    }

    private static void List(StringBuilder text, JsonElement root, string key, string heading, Func<JsonElement, string?> format)
    {
        var lines = Items(root, key).Select(format).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        Heading(text, heading);
        foreach (var line in lines)
        {
            Line(text, line);
        }
    }

    // ISO 8601 dates ("2014-01-31", "2014-01", "2014") become "01/2014" so the period reader sees a range.
    private static string? Dates(JsonElement item)
    {
        var start = FormatDate(Str(item, "startDate"));
        if (start is null)
        {
            return null;
        }

        var end = FormatDate(Str(item, "endDate")) ?? "Present";
        return $"{start} - {end}";
    }

    private static string? FormatDate(string? iso)
    {
        if (iso is null)
        {
            return null;
        }

        var parts = iso.Split('-');
        if (parts.Length >= 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{month:00}/{year:0000}");
        }

        return iso;
    }

    private static void Heading(StringBuilder text, string heading) => text.Append('\n').Append(heading).Append('\n');

    private static void Line(StringBuilder text, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            text.Append(line).Append('\n');
        }
    }

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }

    private static string? Str(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() is { Length: > 0 } s ? s : null
            : element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var number) && number.ValueKind == JsonValueKind.Number
                ? number.GetRawText()
                : null;

    private static IEnumerable<JsonElement> Items(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];

    private static IEnumerable<string> Strings(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).Where(s => s.Length > 0)
            : [];
}
