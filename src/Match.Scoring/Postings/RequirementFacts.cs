using System.Globalization;
using System.Text.RegularExpressions;

namespace Match.Scoring.Postings;

/// <summary>Reads structured facts (years, degree, fields, languages, certifications) out of one atomic requirement.</summary>
internal static partial class RequirementFacts
{
    private const int TimeoutMs = 1000;

    private static readonly string[] HumanLanguages =
    [
        "English", "Spanish", "Portuguese", "French", "German", "Italian", "Dutch", "Japanese", "Mandarin", "Chinese",
        "Cantonese", "Korean", "Arabic", "Hindi", "Russian", "Polish", "Turkish", "Vietnamese", "Thai", "Indonesian",
        "Bahasa", "Hebrew", "Swedish", "Norwegian", "Danish", "Finnish", "Greek", "Czech", "Hungarian", "Romanian",
        "Ukrainian", "Malay", "Tagalog", "Filipino", "Bengali", "Urdu", "Tamil", "Telugu", "Marathi", "Gujarati",
        "Kannada", "Malayalam", "Punjabi", "Farsi", "Persian", "Swahili", "Catalan", "Slovak", "Bulgarian", "Croatian",
        "Serbian", "Slovenian", "Lithuanian", "Latvian", "Estonian",
    ];

    private static readonly Dictionary<string, int> WordNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20,
    };

    /// <summary>Minimum years asked for and what they are of, or (null, null).</summary>
    public static (double? Years, string? Of) Years(string text)
    {
        var match = YearsFigure().Match(text);
        if (!match.Success)
        {
            return (null, null);
        }

        var figure = match.Groups["n"].Value;
        double years = WordNumbers.TryGetValue(figure, out var word)
            ? word
            : double.Parse(figure, NumberStyles.Float, CultureInfo.InvariantCulture);
        return (years, YearsOf(text[(match.Index + match.Length)..]));
    }

    /// <summary>Lowest degree named (higher ones satisfy it), or null when no degree is asked for.</summary>
    public static DegreeLevel? Degree(string text)
    {
        DegreeLevel? lowest = null;
        void Offer(DegreeLevel level) => lowest = lowest is null || level < lowest ? level : lowest;

        if (HighSchool().IsMatch(text)) Offer(DegreeLevel.HighSchool);
        if (Associate().IsMatch(text)) Offer(DegreeLevel.Associate);
        if (Bachelor().IsMatch(text)) Offer(DegreeLevel.Bachelor);
        if (Master().IsMatch(text)) Offer(DegreeLevel.Master);
        if (Doctorate().IsMatch(text)) Offer(DegreeLevel.Doctorate);

        // The ambiguous abbreviations (BS, MS, MA, BA) count only next to degree wording: "MS Office" is not a degree.
        foreach (System.Text.RegularExpressions.Match m in DegreeAbbreviation().Matches(text))
        {
            var after = text[(m.Index + m.Length)..];
            if (!text.Contains("degree", StringComparison.OrdinalIgnoreCase) && !AbbreviationContext().IsMatch(after))
            {
                continue;
            }

            Offer(m.Value.Replace(".", "", StringComparison.Ordinal)[0] == 'B' ? DegreeLevel.Bachelor : DegreeLevel.Master);
        }

        if (lowest is null && GenericDegree().Match(text) is { Success: true } generic)
        {
            // "advanced/graduate degree" means at least a master's; a bare "degree" or "university degree" a bachelor's.
            Offer(generic.Groups["advanced"].Success ? DegreeLevel.Master : DegreeLevel.Bachelor);
        }

        return lowest;
    }

    /// <summary>Fields of study named for a degree ("in Computer Science, Engineering, or a related field").</summary>
    public static IReadOnlyList<string> DegreeFields(string text)
    {
        // Three linear steps instead of one regex with a lazy span and a look-ahead (which is quadratic on long text).
        var anchor = DegreeAnchor().Match(text);
        if (!anchor.Success)
        {
            return [];
        }

        var after = anchor.Index + anchor.Length;
        var window = text.Substring(after, Math.Min(48, text.Length - after));
        var preposition = FieldsPreposition().Match(window);
        if (!preposition.Success)
        {
            return [];
        }

        var clause = text[(after + preposition.Index + preposition.Length)..];
        var end = FieldsEnd().Match(clause);
        clause = (end.Success ? clause[..end.Index] : clause).Replace('(', ',').Replace(')', ',');
        var fields = new List<string>();
        foreach (var piece in FieldSeparator().Split(clause))
        {
            var field = FieldLead().Replace(piece.Trim(), "").Trim().TrimEnd('.', ',');
            if (field.Length > 1 && field.Any(char.IsLetter) && !UnnamedField().IsMatch(field)
                && !fields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    /// <summary>True when equivalent practical experience is accepted in place of the degree.</summary>
    public static bool EquivalentExperienceAccepted(string text) => EquivalentExperience().IsMatch(text);

    /// <summary>Human languages named, in order of appearance.</summary>
    public static IReadOnlyList<string> Languages(string text)
    {
        var found = new List<(int Index, string Name)>();
        foreach (var language in HumanLanguages)
        {
            var index = IndexOfWord(text, language);
            if (index >= 0)
            {
                found.Add((index, language));
            }
        }

        return [.. found.OrderBy(f => f.Index).Select(f => f.Name)];
    }

    /// <summary>True when the wording is about using a language (fluency, speaking, writing) rather than naming one in passing.</summary>
    public static bool IsAboutLanguage(string text, string? label) =>
        LanguageContext().IsMatch(text) || (label?.Contains("language", StringComparison.Ordinal) ?? false);

    /// <summary>Certifications and licences named ("CPA", "PMP", "AWS Solutions Architect"), or the generic word when unnamed.</summary>
    public static IReadOnlyList<string> Certifications(string text)
    {
        var names = new List<string>();
        foreach (System.Text.RegularExpressions.Match m in CertificationAcronym().Matches(text))
        {
            AddDistinct(names, m.Value);
        }

        foreach (System.Text.RegularExpressions.Match m in NamedCertification().Matches(text))
        {
            AddDistinct(names, m.Groups["name"].Value.Trim());
        }

        if (names.Count == 0 && CertificationWord().Match(text) is { Success: true } word)
        {
            AddDistinct(names, word.Value.ToLowerInvariant());
        }

        return names;
    }

    private static void AddDistinct(List<string> names, string name)
    {
        if (name.Length > 0 && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            names.Add(name);
        }
    }

    private static string? YearsOf(string afterYears)
    {
        var text = afterYears.TrimStart('\'', ' ');
        var of = ExperienceThen().Match(text) is { Success: true } a ? a.Groups["of"].Value
            : ThenExperience().Match(text) is { Success: true } b ? b.Groups["of"].Value
            : PrepositionThen().Match(text) is { Success: true } c ? c.Groups["of"].Value
            : null;
        if (of is null)
        {
            return null;
        }

        of = YearsOfTail().Replace(of, "").Trim().TrimEnd('.', ',', ';', ':').Trim();
        return of.Length == 0 ? null : of;
    }

    private static int IndexOfWord(string text, string word)
    {
        var from = 0;
        while (true)
        {
            var index = text.IndexOf(word, from, StringComparison.Ordinal);
            if (index < 0)
            {
                return -1;
            }

            var end = index + word.Length;
            if ((index == 0 || !char.IsLetter(text[index - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return index;
            }

            from = index + 1;
        }
    }

    [GeneratedRegex(@"\b(?<n>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex YearsFigure();

    // "of relevant experience in X", "of experience with X", "experience as X".
    [GeneratedRegex(@"^(?:of\s+)?(?:(?:relevant|professional|hands-on|industry|work|working|practical|full-time|post-graduate|progressive)\s+)*(?:experience|exp)\b\s*(?:(?:in|with|as|on|of|at|doing|working(?:\s+(?:in|with|on|as))?|leading|managing|within)\b\s*)?(?<of>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ExperienceThen();

    // "of software engineering experience".
    [GeneratedRegex(@"^(?:of\s+)?(?<of>[^,;]+?)\s+(?:experience|exp)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ThenExperience();

    // "in a technical leadership or management role", "of coding".
    [GeneratedRegex(@"^(?:(?:working|doing)\s+(?:(?:in|with|on|as|at)\s+)?|(?:of|in|as|with|at|on|within)\s+|(?=(?:leading|managing|building|developing|designing|working)\b))(?<of>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PrepositionThen();

    [GeneratedRegex(@"(?:,?\s*\(?\s*(?:or|and/or)\s+equivalent\b.*|\s+is\s+(?:a\s+)?(?:plus|preferred|required)\b.*|\s*\((?:or|and)\b[^)]*\)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex YearsOfTail();

    [GeneratedRegex(@"\bhigh\s+school\b|\bGED\b|\bsecondary\s+school\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex HighSchool();

    [GeneratedRegex(@"\bassociate(?:'s|s)?\s+degree\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Associate();

    [GeneratedRegex(@"\bbachelor(?:'s|s)?\b|\bundergraduate\s+degree\b|\b(?:4|four)[- ]year\s+(?:college\s+|university\s+)?degree\b|(?-i:\bB\.?Sc\b|\bB\.?Eng\b|\bBBA\b|\bBSEE\b|\bBSCS\b|\bB\.S\.|\bB\.A\.)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Bachelor();

    [GeneratedRegex(@"\bmaster(?:'s|s)\b|\bmaster\s+(?:degree|of)\b|(?-i:\bM\.?Sc\b|\bM\.?Eng\b|\bMBA\b|\bM\.S\.|\bM\.A\.)|(?<!under)\bgraduate\s+degree\b|\badvanced\s+degree\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Master();

    [GeneratedRegex(@"\bPh\.?\s?D\b|\bdoctorate\b|\bdoctoral\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Doctorate();

    [GeneratedRegex(@"\b(?:BS|BA|MS|MA)\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DegreeAbbreviation();

    [GeneratedRegex(@"^\s*(?:/|,|in\b|or\b|degree\b|\()", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex AbbreviationContext();

    [GeneratedRegex(@"\b(?:(?<advanced>advanced|graduate|post-?graduate)\s+)?(?:university\s+|college\s+|academic\s+)?(?<!\b(?:high|great|certain|some|large|low|any|significant)\s)degree\b(?!\s+of\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex GenericDegree();

    [GeneratedRegex(@"\b(?:degree|bachelor(?:'s|s)?|master(?:'s|s)?|Ph\.?\s?D\.?|doctorate|B\.?S\.?c?|B\.?A\.?|M\.?S\.?c?|M\.?A\.?|MBA|diploma)(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DegreeAnchor();

    // The fields follow the first "in"/"of" shortly after the degree word ("BA/BS degree in", "Master's or PhD in").
    [GeneratedRegex(@"^[^;]*?\s(?:in|of)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex FieldsPreposition();

    // ... and stop at "related", "equivalent", "with", "and N years", "preferred", or the end of the sentence.
    [GeneratedRegex(@",?\s*(?:(?:or|and)\s+)?(?:(?:a|an|other)\s+)?\b(?:related|relevant|similar|equivalent|comparable)\b|\bwith\b|,?\s*(?:and|or|plus)\s+\d|\bpreferred\b|\brequired\b|\bfrom\b|\bwhile\b|,?\s*and\s+graduating\b|[.;](?:\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex FieldsEnd();

    [GeneratedRegex(@"\s*(?:,|/|\bor\b|\band/or\b|\bsuch\s+as\b|\bincluding\b|\be\.g\.)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex FieldSeparator();

    [GeneratedRegex(@"^(?:(?:and|or|a|an|the|other|any|e\.g\.?|i\.e\.?|such\s+as)\s+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex FieldLead();

    // "related field", "relevant discipline": says no field.
    [GeneratedRegex(@"^(?:related|relevant|similar|equivalent|comparable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex UnnamedField();

    [GeneratedRegex(@"\bequivalent\s+(?:(?:practical|work|professional|relevant|industry|military)\s+)*experience\b|\bor\s+equivalent\b|\bequivalent\s+combination\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex EquivalentExperience();

    [GeneratedRegex(@"\bfluen|\bproficien|\bspeak|\bspoken|\bwrit|\bread\b|\bnative\b|\bbilingual\b|\blanguages?\b|\bverbal|\bcommunicat|\bbusiness[- ]level\b|\bconversational\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex LanguageContext();

    [GeneratedRegex(@"\b(?:CPA|PMP|CFA|CISSP|CISA|CISM|CCNA|CCNP|CCIE|ACCA|CMA|PHR|SPHR|SHRM-CP|SHRM-SCP|CSM|CAPM|ITIL|CEH|OSCP|FRM|CFP|CIPP|RHCE|CIMA|ACA|CIA|CFE|CAMS)\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CertificationAcronym();

    [GeneratedRegex(@"(?<name>(?:[A-Z][\w+#./-]*\s+){1,5})(?:[Cc]ertification|[Cc]ertificate|[Ll]icen[cs]e)\b|\b[Cc]ertified\s+(?<name>(?:[A-Z][\w+#./-]*\s*){1,5})", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NamedCertification();

    [GeneratedRegex(@"\bcertifi(?:ed|cations?|cate)\b|\blicen[cs](?:e|ed|ure)\b(?!\s+(?:and|agreements?|deals?|fees?|compliance|management|negotiation|terms|distribution|rights|revenue|sales|models?))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CertificationWord();

    /// <summary>True when the text asks for a certification or licence.</summary>
    public static bool MentionsCertification(string text) => CertificationWord().IsMatch(text) || CertificationAcronym().IsMatch(text);
}
