namespace Match.Scoring.Occupations;

/// <summary>An occupation and the job titles it goes by (O*NET-SOC code, display name, titles).</summary>
public sealed record Occupation(string Code, string Name, IReadOnlyList<string> Titles);

/// <summary>Reads occupation title lists. The O*NET "Alternate Titles" file (tab-separated, CC BY 4.0) is the supported source.</summary>
public static class OccupationTaxonomy
{
    /// <summary>
    /// Reads O*NET's Alternate Titles file: header "O*NET-SOC Code, Alternate Title, Short Title, Source(s)".
    /// Detailed codes (11-1011.03) fold into their SOC occupation (11-1011); the name is the first title listed.
    /// </summary>
    public static IReadOnlyList<Occupation> ReadOnetAlternateTitles(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new InvalidDataException("the O*NET titles file is empty");
        var columns = header.Split('\t');
        var codeColumn = Array.FindIndex(columns, c => c.Trim().Equals("O*NET-SOC Code", StringComparison.OrdinalIgnoreCase));
        var titleColumn = Array.FindIndex(columns, c => c.Trim().Equals("Alternate Title", StringComparison.OrdinalIgnoreCase));
        if (codeColumn < 0 || titleColumn < 0)
        {
            throw new InvalidDataException("not an O*NET Alternate Titles file: it needs the columns 'O*NET-SOC Code' and 'Alternate Title'");
        }

        var titles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length <= Math.Max(codeColumn, titleColumn)) continue;
            var code = fields[codeColumn].Trim();
            var title = fields[titleColumn].Trim();
            if (code.Length < 7 || title.Length == 0) continue;
            var soc = code[..7];
            if (!titles.TryGetValue(soc, out var list))
            {
                titles[soc] = list = [];
                order.Add(soc);
            }

            list.Add(title);
        }

        return order.Select(code => new Occupation(code, titles[code][0], titles[code])).ToList();
    }

    /// <summary>Reads the file at <paramref name="path"/>; see <see cref="ReadOnetAlternateTitles(TextReader)"/>.</summary>
    public static IReadOnlyList<Occupation> ReadOnetAlternateTitles(string path)
    {
        using var reader = new StreamReader(path);
        return ReadOnetAlternateTitles(reader);
    }
}
