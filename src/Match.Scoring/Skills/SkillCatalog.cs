namespace Match.Scoring.Skills;

/// <summary>Combines skill entry lists: preferred (built-in) names win, aliases are deduplicated case-insensitively, unusable imported names dropped.</summary>
public static class SkillCatalog
{
    /// <summary>Shortest imported name kept (characters); shorter ones ("C", "R", "Go") are too ambiguous without curation.</summary>
    public const int MinimumImportedNameLength = 3;

    /// <summary>
    /// <paramref name="preferred"/> unchanged except for extra aliases, then the imported entries: an imported entry whose canonical is already
    /// known adds its new aliases to that skill; a name already owned by another skill, too short or a plain common word is dropped.
    /// </summary>
    public static IReadOnlyList<SkillEntry> Merge(IEnumerable<SkillEntry> preferred, IEnumerable<SkillEntry> imported)
    {
        ArgumentNullException.ThrowIfNull(preferred);
        ArgumentNullException.ThrowIfNull(imported);
        var entries = new List<SkillEntry>();
        var added = new List<List<string>>();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in preferred)
        {
            foreach (var name in entry.Names)
            {
                owner.TryAdd(SkillTokenizer.Key(name), entries.Count);
            }

            entries.Add(entry);
            added.Add([]);
        }

        foreach (var entry in imported)
        {
            var names = entry.Names.Select(n => n.Trim()).Where(IsUsableImportedName).ToList();
            if (!owner.TryGetValue(SkillTokenizer.Key(entry.Canonical), out var target))
            {
                if (names.Count == 0)
                {
                    continue;
                }

                target = entries.Count;
                entries.Add(entry with { Canonical = names[0], Aliases = [], ContextOnly = [], ExactCase = [] });
                added.Add([]);
            }

            foreach (var name in names)
            {
                if (owner.TryAdd(SkillTokenizer.Key(name), target) && !name.Equals(entries[target].Canonical, StringComparison.OrdinalIgnoreCase))
                {
                    added[target].Add(name);
                }
            }
        }

        return [.. entries.Select((e, i) => added[i].Count == 0 ? e : e with { Aliases = [.. e.Aliases, .. added[i]] })];
    }

    /// <summary>False for imported names that would cause false hits: shorter than <see cref="MinimumImportedNameLength"/>, without letters, or one plain common word (human languages included).</summary>
    public static bool IsUsableImportedName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (trimmed.Length < MinimumImportedNameLength || !trimmed.Any(char.IsLetter))
        {
            return false;
        }

        var key = SkillTokenizer.Key(trimmed);
        return key.Contains(' ', StringComparison.Ordinal) || !CommonWords.Contains(key);
    }

    // Single words that are everyday English (or a human language) more often than a skill; lower case.
    private static readonly HashSet<string> CommonWords = new(
        """
        about above access act action active activity add address adjust administration advice agent aid air all also
        analysis animal answer apply approach area arm art article ask assist attention audit authority back balance
        bank base basic basis be bear beat board body book box brand break bridge brief build business buy call camp
        campaign can capital car care carry case cash cause center chain chair challenge change channel charge chart
        check chef child choice class clean clear client climb close coach code cold collect color come comfort command
        comment common communication community company compare complete concept concern condition conduct connect
        consider contact content contract control cook copy core cost count country course cover craft create credit
        cross culture current cut cycle dance data date day deal deliver demand design detail develop dig direct
        discipline display distribution do document dog draft draw dress drink drive drop due duty earth ease edit
        education effect effort energy engage enter environment equipment estate event evidence exchange exercise
        experience express eye face fact fair family farm fashion feed field figure file fill film finance find fire
        first fit fix flow fly focus follow food force form frame free fresh front function fund game garden general
        get give glass go goal gold good govern grade grant graph green ground group grow guard guide hair hand handle
        have head health hear heat help history hold home hope host house human idea image impact improve include
        industry influence information input inspect interest interview iron issue item job join judge keep key kind
        land language law lead learn leave level life lift light line link list listen live load local lock logic look
        loom loss love machine mail maintain make manage map mark market master match material matter measure media
        medicine meet member memory message metal method mind mine mix model money monitor motion move music name
        nature need network news note number nurse object offer office oil open operate order organise organize
        outlook own pack page paint paper part party pass patient pay people perform person phone pick picture piece
        place plan plant play point policy pool position post power practice prepare present press price print
        problem process produce product program project promote property prose protect provide public publish pull
        purchase push quality question race radio raise range rate reach read record reduce relation relations
        repair report reproduction research reserve resource respond rest result retail return review ride right
        risk road rock role room root rule run safety sale sales save scale scan school science score screen sea
        search season secure security select sell send sense serve service set shape share ship shop show sign silver
        site skill slack sleep social society soft sound source space speak special spirit sport spring staff stage
        standard start state step stock store story strategy stream street stress structure study style subject supply
        support surface survey system table take talk target task tax teach team teams technology test text theory
        think time tool top touch tour track trade train transfer transport travel treat trust turn type unit unity
        use user value vision visit voice wall want watch water wave way web weight welfare well word words work
        world write writing youth zoom
        afrikaans albanian arabic armenian basque bengali bihari bosnian bulgarian catalan chinese croatian czech
        danish dutch english estonian filipino finnish french galician georgian german greek gujarati hebrew hindi
        hungarian icelandic indonesian irish italian japanese kannada kazakh korean kurdish latin latvian lithuanian
        macedonian malay maltese mandarin marathi montenegrin norwegian persian polish portuguese punjabi romanian
        russian sardinian serbian slovak slovenian spanish swahili swedish tagalog tamil telugu thai turkish
        ukrainian urdu vietnamese welsh yiddish
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);
}
