using System.Globalization;
using System.Text.RegularExpressions;
using RegexMatch = System.Text.RegularExpressions.Match;

namespace Match.Scoring.Resumes;

/// <summary>Finds dated ranges ("July 2011 to November 2012", "03/2018 - Present", "2015 – 2019") and merges them into years.</summary>
internal static partial class EmploymentPeriodReader
{
    private const string Month =
        @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    private const string Season = @"(?:spring|summer|fall|autumn|winter)";

    // One date: "July 2011", "Jul. '11", "03/2018", "3-2018", "2015"; the year is captured in a group per side.
    private const string DateTemplate =
        $@"(?:(?<{{0}}Month>{Month}),?\s+(?<{{0}}Year>(?:19|20)\d\d|'\d\d)" +
        $@"|(?<{{0}}Season>{Season}),?\s+(?<{{0}}Year>(?:19|20)\d\d)" +
        @"|(?<{0}Num>0?[1-9]|1[0-2])[/.](?:(?:0?[1-9]|[12]\d|3[01])/)?(?<{0}Year>(?:19|20)\d\d)" +
        @"|(?<{0}Year>(?:19|20)\d\d))";

    private static readonly string Pattern =
        @"(?<![\p{L}\p{N}/.])" + string.Format(CultureInfo.InvariantCulture, DateTemplate, "s") +
        @"[ \n]*(?:-|–|—|‒|−|~|\bto\b|\bthrough\b|\buntil\b|\btill\b|\bthru\b)[ \n]*" +
        @"(?:(?<current>current(?:ly)?|present|now|today|date|ongoing)\b|" +
        string.Format(CultureInfo.InvariantCulture, DateTemplate, "e") + @"(?![\p{L}\p{N}]|/\d))";

    private static readonly Regex RangeMatcher = new(
        Pattern,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(2));

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Every well-formed range in text[start, start + length); End is exclusive and never later than today.</summary>
    public static IEnumerable<EmploymentPeriod> Read(string text, int start, int length, DateOnly today)
    {
        foreach (RegexMatch match in RangeMatcher.Matches(text.Substring(start, length)))
        {
            var from = ReadDate(match, "s", isEnd: false, today);
            if (from is null)
            {
                continue;
            }

            var isCurrent = match.Groups["current"].Success;
            DateOnly end;
            if (isCurrent)
            {
                end = today;
            }
            else
            {
                var to = ReadDate(match, "e", isEnd: true, today);
                if (to is null)
                {
                    continue;
                }

                end = to.Value;
                // "2012 - 2012" and "May 2012 - 2012" mean at least that year's worth of work was done within it.
                if (end <= from.Value)
                {
                    end = IsYearOnly(match, "e") ? new DateOnly(from.Value.Year + 1, 1, 1) : end;
                }
            }

            if (end > today)
            {
                end = today;
            }

            if (end <= from.Value || from.Value.Year < 1950)
            {
                continue;
            }

            var textStart = start + match.Index;
            yield return new EmploymentPeriod(from.Value, end, isCurrent, GuessTitle(text, textStart, match.Length), textStart, match.Length);
        }
    }

    /// <summary>Total years covered by the periods, with overlaps counted once.</summary>
    public static double TotalYears(IEnumerable<EmploymentPeriod> periods)
    {
        var ordered = periods.OrderBy(p => p.Start).ToList();
        var totalDays = 0;
        DateOnly? runStart = null;
        DateOnly runEnd = default;
        foreach (var period in ordered)
        {
            if (runStart is null || period.Start > runEnd)
            {
                if (runStart is not null)
                {
                    totalDays += runEnd.DayNumber - runStart.Value.DayNumber;
                }

                runStart = period.Start;
                runEnd = period.End;
            }
            else if (period.End > runEnd)
            {
                runEnd = period.End;
            }
        }

        if (runStart is not null)
        {
            totalDays += runEnd.DayNumber - runStart.Value.DayNumber;
        }

        return Math.Round(totalDays / 365.25, 2);
    }

    private static bool IsYearOnly(RegexMatch match, string side) =>
        !match.Groups[side + "Month"].Success && !match.Groups[side + "Num"].Success && !match.Groups[side + "Season"].Success;

    // Start dates are the first day of their month; end dates the first day after their month (exclusive).
    private static DateOnly? ReadDate(RegexMatch match, string side, bool isEnd, DateOnly today)
    {
        var yearText = match.Groups[side + "Year"].Value;
        if (yearText.Length == 0)
        {
            return null;
        }

        int year;
        if (yearText[0] == '\'')
        {
            // "'11" is the most recent such year not after next year.
            year = 2000 + int.Parse(yearText.AsSpan(1), CultureInfo.InvariantCulture);
            if (year > today.Year + 1)
            {
                year -= 100;
            }
        }
        else
        {
            year = int.Parse(yearText, CultureInfo.InvariantCulture);
        }

        int? month = null;
        if (match.Groups[side + "Month"].Success)
        {
            var name = match.Groups[side + "Month"].Value.ToLowerInvariant();
            month = Array.FindIndex(MonthPrefixes, p => name.StartsWith(p, StringComparison.Ordinal)) + 1;
        }
        else if (match.Groups[side + "Num"].Success)
        {
            month = int.Parse(match.Groups[side + "Num"].Value, CultureInfo.InvariantCulture);
        }
        else if (match.Groups[side + "Season"].Success)
        {
            month = match.Groups[side + "Season"].Value.ToLowerInvariant() switch
            {
                "spring" => 3,
                "summer" => 6,
                "winter" => isEnd ? 2 : 12,
                _ => 9,
            };
        }

        if (month is null)
        {
            // A bare year: a start is its January, an end is the January of that year (so "2015 – 2019" is four years).
            return new DateOnly(year, 1, 1);
        }

        var first = new DateOnly(year, month.Value, 1);
        return isEnd ? first.AddMonths(1) : first;
    }

    private static string? GuessTitle(string text, int matchStart, int matchLength)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, matchStart - 1)) + 1;
        if (matchStart == 0)
        {
            lineStart = 0;
        }

        var lineEnd = text.IndexOf('\n', matchStart + matchLength);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        var after = CleanTitle(text[(matchStart + matchLength)..lineEnd]);
        if (after is not null)
        {
            return after;
        }

        return lineStart <= matchStart ? CleanTitle(text[lineStart..matchStart]) : null;
    }

    private static string? CleanTitle(string candidate)
    {
        var cleaned = PlaceholderMatcher().Replace(candidate, " ");
        cleaned = cleaned.Trim(' ', '-', '–', '—', ',', '|', ':', '(', ')', ';');
        return cleaned.Length is >= 2 and <= 80 && LetterRun().IsMatch(cleaned) && cleaned is not ("City" or "State") ? cleaned : null;
    }

    // The public résumé corpus anonymises employers and places to these literal placeholders.
    [GeneratedRegex(@"Company Name|City\s*,\s*State|ï¼\S*|\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderMatcher();

    [GeneratedRegex(@"\p{L}{2}", RegexOptions.CultureInvariant)]
    private static partial Regex LetterRun();
}
