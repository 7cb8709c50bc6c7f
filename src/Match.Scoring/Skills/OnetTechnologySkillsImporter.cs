using System.Text.RegularExpressions;

namespace Match.Scoring.Skills;

/// <summary>Reads O*NET's Technology Skills file (tab-separated; the Example column names the skill, Commodity Title groups it) into skill entries.</summary>
public static partial class OnetTechnologySkillsImporter
{
    /// <summary>One entry per distinct Example (case-insensitive); "Name (ABBR)" becomes canonical "Name" with alias "ABBR".</summary>
    public static IReadOnlyList<SkillEntry> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var headerLine = reader.ReadLine() ?? throw new InvalidDataException("Line 1: the O*NET file is empty (expected a header with Example).");
        var header = headerLine.Split('\t');
        var example = Column(header, "Example") ?? throw new InvalidDataException($"Line 1: no Example column in the header ({string.Join(", ", header)}).");
        var commodity = Column(header, "Commodity Title");

        var entries = new List<SkillEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"Line {lineNumber}: {fields.Length} tab-separated fields where the header has {header.Length}.");
            }

            var name = fields[example].Trim();
            if (name.Length == 0)
            {
                throw new InvalidDataException($"Line {lineNumber}: empty Example.");
            }

            if (!seen.Add(name))
            {
                continue;
            }

            var group = commodity is { } c ? fields[c].Trim() : "";
            var abbreviated = Abbreviated().Match(name);
            entries.Add(abbreviated.Success
                ? new SkillEntry(abbreviated.Groups["name"].Value, [abbreviated.Groups["abbr"].Value]) { Group = group }
                : new SkillEntry(name, []) { Group = group });
        }

        return entries;
    }

    /// <summary>Reads the file at <paramref name="path"/> (UTF-8).</summary>
    public static IReadOnlyList<SkillEntry> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    private static int? Column(string[] header, string name)
    {
        var index = Array.FindIndex(header, h => h.Trim().Trim('\uFEFF').Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : null;
    }

    [GeneratedRegex(@"^(?<name>.+?)\s*\((?<abbr>[^()]{2,})\)$")]
    private static partial Regex Abbreviated();
}
