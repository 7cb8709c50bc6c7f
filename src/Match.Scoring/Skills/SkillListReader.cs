using System.Text.RegularExpressions;

namespace Match.Scoring.Skills;

/// <summary>
/// Reads the skill list format of builtin-skills.txt: "## Section (family: f; context: f, g)" headers, then
/// "Canonical | alias; alias" lines; a name prefixed with "?" counts only near a skill of a context family, with "!" only in exact case.
/// </summary>
public static partial class SkillListReader
{
    /// <summary>The entries in <paramref name="reader"/>; throws InvalidDataException naming the line on malformed input.</summary>
    public static IReadOnlyList<SkillEntry> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<SkillEntry>();
        string? group = null;
        var family = "";
        string[] context = [];
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || (line.StartsWith('#') && !line.StartsWith("##", StringComparison.Ordinal)))
            {
                continue;
            }

            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                var header = Header().Match(line);
                if (!header.Success)
                {
                    throw new InvalidDataException($"Line {lineNumber}: a section header reads \"## Name (family: f; context: f, g)\".");
                }

                group = header.Groups["name"].Value.Trim();
                family = header.Groups["family"].Value.Trim();
                context = header.Groups["context"].Success
                    ? header.Groups["context"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    : [];
                continue;
            }

            if (group is null)
            {
                throw new InvalidDataException($"Line {lineNumber}: a skill line comes before any \"## Section (family: ...)\" header.");
            }

            entries.Add(ParseEntry(line, lineNumber) with { Group = group, Family = family, ContextFamilies = context });
        }

        return entries;
    }

    private static SkillEntry ParseEntry(string line, int lineNumber)
    {
        var parts = line.Split('|');
        if (parts.Length > 2)
        {
            throw new InvalidDataException($"Line {lineNumber}: more than one '|' in a skill line.");
        }

        var names = new List<(string Name, bool ContextOnly, bool ExactCase)> { Marked(parts[0]) };
        if (parts.Length == 2)
        {
            names.AddRange(parts[1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Marked));
        }

        if (names.Any(n => n.Name.Length == 0))
        {
            throw new InvalidDataException($"Line {lineNumber}: an empty skill name.");
        }

        return new SkillEntry(names[0].Name, [.. names.Skip(1).Select(n => n.Name)])
        {
            ContextOnly = [.. names.Where(n => n.ContextOnly).Select(n => n.Name)],
            ExactCase = [.. names.Where(n => n.ExactCase).Select(n => n.Name)],
        };
    }

    private static (string Name, bool ContextOnly, bool ExactCase) Marked(string text)
    {
        var name = text.Trim();
        var contextOnly = false;
        var exactCase = false;
        while (name.Length > 0 && name[0] is '?' or '!')
        {
            contextOnly |= name[0] == '?';
            exactCase |= name[0] == '!';
            name = name[1..].TrimStart();
        }

        return (name, contextOnly, exactCase);
    }

    [GeneratedRegex(@"^##\s*(?<name>[^(]+)\(\s*family:\s*(?<family>[\w-]+)\s*(?:;\s*context:\s*(?<context>[\w\s,-]+))?\)\s*$")]
    private static partial Regex Header();
}
