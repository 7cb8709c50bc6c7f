using System.Text.RegularExpressions;

namespace Match.Scoring.Postings;

/// <summary>Recognises posting lines that are never requirements: pay, benefits, legal boilerplate, links, navigation, marketing, locations, dates.</summary>
internal static partial class PostingNoise
{
    private const int TimeoutMs = 1000;

    private static readonly HashSet<string> Places = new(StringComparer.OrdinalIgnoreCase)
    {
        "United States", "USA", "US", "United Kingdom", "UK", "Canada", "India", "China", "Germany", "France", "Ireland",
        "Japan", "Singapore", "Australia", "Brazil", "Mexico", "Israel", "Netherlands", "Spain", "Italy", "Poland",
        "Switzerland", "Sweden", "Taiwan", "Korea", "South Korea", "Hong Kong", "Remote", "Hybrid", "On-site",
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
        "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
        "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
        "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
        "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
        "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "CA", "NY", "WA", "TX", "MA", "IL",
    };

    /// <summary>True when the line carries no qualification (see the class summary).</summary>
    public static bool IsNoise(string line)
    {
        var text = line.Trim();
        if (!text.Any(char.IsLetter))
        {
            return true;
        }

        return Boilerplate().IsMatch(text)
            || PayRange().IsMatch(text)
            || Navigation().IsMatch(text)
            || JsonOnly().IsMatch(text)
            || DateOnly().IsMatch(text)
            || UrlOnly().IsMatch(text)
            || IsPlace(text);
    }

    /// <summary>True for a bare location such as "Cupertino, California, United States" or "Remote".</summary>
    public static bool IsPlace(string text)
    {
        var parts = text.TrimEnd('.').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length is >= 1 and <= 4
            && Places.Contains(parts[^1])
            && parts.All(p => p.Length > 0 && char.IsUpper(p[0]) && p.Split(' ').Length <= 3);
    }

    // Phrases that only occur in pay, benefits, legal, apply-flow and marketing text.
    [GeneratedRegex(
        @"\bequal\s+(?:employment\s+)?opportunity\b|\baffirmative\s+action\b|\bwithout\s+regard\s+to\b|\bE-Verify\b|" +
        @"\breasonable\s+accommodations?\b|\bdrug[- ]free\s+workplace\b|\bcriminal\s+histor|\blie\s+detector\b|" +
        @"\bFair\s+Chance\b|\blegally\s+protected\b|\bprotected\s+veteran|\bEEO\b|\bKnow\s+Your\s+Rights\b|" +
        @"\bbase\s+pay\b|\bpay\s+range\b|\bsalary\s+range\b|\bcompensation\s+package\b|\btotal\s+compensation\b|" +
        @"\bstock\s+(?:purchase\s+plan|programs?|units?)\b|\brestricted\s+stock\b|\bmedical\s+and\s+dental\b|" +
        @"\bbenefits\s+(?:including|include|package)\b|\beligible\s+for\s+(?:discretionary|benefits|bonus)|" +
        @"\bsubject\s+to\s+eligibility\b|\blearn\s+more\b|\bopens\s+in\s+a\s+new\s+window\b|\bclick\s+here\b|" +
        @"\bwant\s+more\s+jobs\b|\bjobs?\s+like\s+this\b|\bdelivered\s+to\s+your\s+inbox\b|\bjob\s+alerts?\b|" +
        @"\bapply\s+(?:now|today|for\s+this\s+job)\b|\bsave\s+(?:this\s+)?job\b|\bshare\s+(?:this\s+)?job\b|" +
        @"\bsign\s+in\s+to\b|\bcreate\s+(?:a\s+)?job\s+alert\b|\bback\s+to\s+(?:search|results|jobs)\b|" +
        @"\bhear\s+directly\s+from\s+employees\b|\bjoin\s+(?:us|our\s+team)\b|\bwe(?:'d|\s+would)\s+love\s+to\s+hear\b|" +
        @"\bwe\s+would\s+be\s+delighted\b|\blife\s+at\s+[A-Z]|\bprivacy\s+policy\b|\bcookie|\ball\s+rights\s+reserved\b|" +
        @"\bcopyright\b|©|\brole\s+number\b|\bjob\s+(?:id|number|requisition)\b|\brequisition\s+(?:id|number)\b|" +
        @"\bposted\s*(?::|on\b|\d)|\bpay\s+transparency\b|\bvisa\s+sponsorship\s+is\s+not\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"[$€£¥]\s?\d[\d,.]*\s*[kKmM]?\b.{0,40}?(?:-|–|—|\bto\b|\band\b)\s*[$€£¥]?\s?\d|\b\d[\d,.]*\s*(?:USD|EUR|GBP)\b|[$€£]\s?\d[\d,.]*\s*(?:/|per\s+)(?:hour|hr|year|yr|annum)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PayRange();

    [GeneratedRegex(@"^(?:home|menu|search|search\s+jobs|careers|jobs|apply|save|share|next|previous|prev|back|skip\s+to\s+(?:main\s+)?content|sign\s+in|log\s+in|page\s+\d+(?:\s+of\s+\d+)?|show\s+more|show\s+less|see\s+more|read\s+more|view\s+all(?:\s+jobs)?|company\s+videos|apple\s+footer|footer|submit\s+(?:cv|resume|résumé)|[^>›»]{1,40}(?:[>›»][^>›»]{1,40}){1,6})[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Navigation();

    [GeneratedRegex(@"^[\s""{}\[\],:]*(?:""?[A-Za-z_][A-Za-z0-9_]*""?\s*:\s*(?:null|true|false|\d+|""[^""]*"")?[\s""{}\[\],]*)+$|^(?:null|true|false)$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex JsonOnly();

    [GeneratedRegex(@"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}|\d+\s+(?:days?|weeks?|months?|hours?)\s+ago)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DateOnly();

    [GeneratedRegex(@"^\(?(?:https?://|www\.)\S+\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex UrlOnly();
}
