using System.Text.RegularExpressions;

namespace Match.Scoring.Resumes;

/// <summary>Masks contact details in résumé text (e-mail addresses, phone numbers, URLs, street addresses) with bracketed placeholders.</summary>
public static partial class ResumeRedactor
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Url = "[url]";
    public const string Address = "[address]";

    /// <summary>The text with every e-mail, URL, phone number and street address replaced; the rest, line breaks included, unchanged.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = EmailPattern().Replace(text, Email);
        text = UrlPattern().Replace(text, Url);
        text = AddressPattern().Replace(text, Address);
        return PhonePattern().Replace(text, Phone);
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(
        @"\b(?:https?://|www\.|(?:linkedin|github|gitlab|twitter|x|facebook)\.com/)(?:[^\s<>""]*[^\s<>"".,;:!?)])?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 2000)]
    private static partial Regex UrlPattern();

    // "+1 (555) 123-4567", "555.123.4567", "+44 20 7946 0958": 7+ digits in groups; year ranges like "2015 - 2019" have too few.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}/])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{3,4}[ .-]?\d{3,4}(?![\p{L}\p{N}/])",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex PhonePattern();

    // A house number, one to four words, and a street type: "1600 Pennsylvania Avenue NW", "12 Main St.", "221B Baker Street".
    [GeneratedRegex(
        @"\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][\p{L}.'-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq)\b\.?(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?(?:,?\s+(?:Apt|Suite|Unit|#)\.?\s*[\w-]+)?",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex AddressPattern();
}
