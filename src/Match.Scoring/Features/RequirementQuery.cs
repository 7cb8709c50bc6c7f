namespace Match.Scoring.Features;

/// <summary>
/// The content words of a requirement: drops the phrasing every qualification shares ("experience with", "ability to",
/// "strong", "excellent", "years of") so that a résumé line is matched on what is asked, not on how it is asked.
/// </summary>
public static class RequirementQuery
{
    private static readonly HashSet<string> Boilerplate = new[]
    {
        "experience", "experiences", "experienced", "ability", "abilities", "able", "skill", "skills", "strong", "excellent", "effective", "effectively",
        "demonstrated", "demonstrate", "proven", "solid", "deep", "good", "great", "knowledge", "understanding",
        "familiarity", "familiar", "year", "years", "plus", "relevant", "including", "include", "etc", "eg", "e", "g", "ie",
        "related", "field", "area", "one", "more", "following", "such", "a", "an", "the", "and", "or", "of", "in",
        "with", "to", "for", "on", "at", "by", "as", "is", "are", "be", "your", "you", "our", "we", "that", "this",
        "not", "but", "limited", "similar", "equivalent", "practical", "least", "minimum", "preferred", "required",
        "highly", "very", "well", "both", "other", "using", "use", "ideally", "preferably", "track", "record",
        "superior", "impeccable", "outstanding", "exceptional", "comfortable", "passion", "interest", "expertise",
    }.ToHashSet(StringComparer.Ordinal);

    /// <summary>The requirement's text with boilerplate words removed; the original when nothing would be left.</summary>
    public static string ContentOf(string requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var words = TermText.Prepare(requirement, Stemming.None).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !Boilerplate.Contains(w) && !w.All(char.IsAsciiDigit)).ToArray();
        return kept.Length == 0 ? requirement : string.Join(' ', kept);
    }
}
