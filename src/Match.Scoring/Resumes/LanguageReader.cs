using System.Text.RegularExpressions;
using RegexMatch = System.Text.RegularExpressions.Match;

namespace Match.Scoring.Resumes;

/// <summary>Finds human languages a résumé states its owner speaks: a Languages section, or phrases like "fluent in Spanish".</summary>
internal static partial class LanguageReader
{
    private static readonly string[] Names =
    [
        "English", "Spanish", "French", "German", "Italian", "Portuguese", "Mandarin", "Cantonese", "Chinese", "Japanese",
        "Korean", "Russian", "Arabic", "Hindi", "Urdu", "Bengali", "Punjabi", "Tagalog", "Filipino", "Vietnamese", "Thai",
        "Turkish", "Persian", "Farsi", "Hebrew", "Greek", "Polish", "Dutch", "Swedish", "Norwegian", "Danish", "Finnish",
        "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian", "Ukrainian", "Serbian", "Croatian", "Bosnian", "Albanian",
        "Armenian", "Swahili", "Somali", "Amharic", "Haitian Creole", "Creole", "Gujarati", "Tamil", "Telugu", "Marathi",
        "Malayalam", "Kannada", "Indonesian", "Malay", "American Sign Language", "Sign Language", "ASL", "Latin", "Hmong",
        "Khmer", "Lao", "Nepali", "Yoruba", "Igbo", "Hausa", "Pashto", "Dari", "Kurdish", "Catalan", "Afrikaans", "Zulu",
    ];

    // Case-sensitive on purpose: language names are capitalised, and "polish" the verb is not "Polish".
    private static readonly Regex NameMatcher = new(
        @"(?<![\p{L}])(?:" + string.Join('|', Names.OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")(?![\p{L}])",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(2));

    [GeneratedRegex(
        @"\b(?:fluent|fluency|fluently|bilingual|trilingual|multilingual|native|speak|speaks|speaking|spoken|conversational|proficient|proficiency|working knowledge|written and (?:oral|verbal)|oral and written|read(?:s)?,? write(?:s)?|mother tongue|first language|second language)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 2000)]
    private static partial Regex StatementMatcher();

    [GeneratedRegex(@"[.;!?](?:\s|$)|\n", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex SentenceBreak();

    /// <summary>Languages named in a Languages section slice (every name counts there).</summary>
    public static IEnumerable<string> ReadSection(string text, int start, int length) =>
        NameMatcher.Matches(text.Substring(start, length)).Select(m => Canonical(m.Value));

    /// <summary>Languages named in the same sentence as a statement of speaking them ("Fluent in Spanish", "Bilingual English/Spanish").</summary>
    public static IEnumerable<string> ReadStatements(string text, int start, int length)
    {
        var slice = text.Substring(start, length);
        foreach (var sentence in SentenceBreak().Split(slice))
        {
            if (!StatementMatcher().IsMatch(sentence))
            {
                continue;
            }

            foreach (RegexMatch name in NameMatcher.Matches(sentence))
            {
                yield return Canonical(name.Value);
            }
        }
    }

    private static string Canonical(string name) => name switch
    {
        "ASL" or "Sign Language" => "American Sign Language",
        "Farsi" => "Persian",
        "Filipino" => "Tagalog",
        _ => name,
    };
}
