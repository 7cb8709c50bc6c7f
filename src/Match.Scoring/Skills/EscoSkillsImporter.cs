namespace Match.Scoring.Skills;

/// <summary>Reads ESCO's skills CSV (official columns or the preferredLabel/altLabels/skillType sample, found by header name) into skill entries.</summary>
public static class EscoSkillsImporter
{
    /// <summary>One entry per skill: preferredLabel as canonical, altLabels (newline-separated) as aliases, skillType as group; obsolete concepts skipped.</summary>
    public static IReadOnlyList<SkillEntry> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = CsvRecordReader.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException("Line 1: the ESCO skills file is empty (expected a header with preferredLabel).");
        }

        var header = records.Current.Fields;
        var preferred = Column(header, "preferredLabel") ?? throw new InvalidDataException(
            $"Line {records.Current.Line}: no preferredLabel column in the header ({string.Join(", ", header)}).");
        var alternatives = Column(header, "altLabels");
        var skillType = Column(header, "skillType");
        var status = Column(header, "status");

        var entries = new List<SkillEntry>();
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"Line {line}: {fields.Length} fields where the header has {header.Length}.");
            }

            if (status is { } s && fields[s].Trim().Equals("obsolete", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var canonical = fields[preferred].Trim();
            if (canonical.Length == 0)
            {
                throw new InvalidDataException($"Line {line}: empty preferredLabel.");
            }

            var aliases = alternatives is { } a
                ? fields[a].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Where(alias => !alias.Equals(canonical, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToArray()
                : [];
            entries.Add(new SkillEntry(canonical, aliases) { Group = skillType is { } t ? fields[t].Trim() : "" });
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
}
