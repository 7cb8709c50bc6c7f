using System.Globalization;
using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Skills;
using Match.Scoring.Features;

namespace Match.Scoring.Matching;

/// <summary>
/// Decides met / partial / missing for each requirement of a role against a résumé: structured checks for years,
/// degrees and languages; best-unit cosine and the skill vocabulary for everything else. Thresholds are calibrated on
/// the recruiter-labelled verdicts (README, "Requirement verdicts"). Thread-safe.
/// </summary>
internal sealed class RequirementMatcher
{
    /// <summary>Share of a requirement's content one résumé line must cover for the text evidence alone to meet it.</summary>
    internal const double MetCoverage = 0.60;

    /// <summary>Share one line must cover for partial evidence.</summary>
    internal const double PartialCoverage = 0.25;

    /// <summary>Share the résumé as a whole must cover for partial evidence.</summary>
    internal const double PartialAnywhere = 0.30;

    /// <summary>Cosine between the role's text and a position's text for the position to count as relevant work.</summary>
    internal const double RelevantPositionCosine = 0.10;

    /// <summary>Share of what a years requirement is of that a position's text must contain for the position to count.</summary>
    internal const double TopicPositionCoverage = 0.30;


    /// <summary>Cosine between the fields a degree requirement names and the résumé's field for the field to fit.</summary>
    internal const double FieldCosine = 0.10;

    /// <summary>Years of work accepted in place of a degree when the posting allows equivalent experience.</summary>
    internal const double EquivalentYears = 4;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<RequirementMatch> Match(PreparedRole role, PreparedResume resume)
    {
        var context = new MatchContext(role, resume);
        var requirements = role.Input.Requirements;
        var matches = new RequirementMatch[requirements.Count];
        var scratch = new double[resume.Units.Count];
        var touched = new List<int>();
        for (var i = 0; i < requirements.Count; i++)
        {
            matches[i] = MatchOne(i, requirements[i], context, scratch, touched);
        }

        return matches;
    }

    private static RequirementMatch MatchOne(int index, Requirement requirement, MatchContext context, double[] scratch, List<int> touched)
    {
        var (role, resume) = (context.Role, context.Resume);
        var best = resume.BestUnit(role.RequirementVectors[index], scratch, touched);
        var evidence = best.Unit >= 0 ? ToSpan(resume.Units[best.Unit]) : null;
        var text = new TextEvidence(best.Coverage, best.Anywhere, evidence);
        var verdict = requirement.Category switch
        {
            RequirementCategory.Education when requirement.Attributes.Degree is not null => Education(requirement, role.YearsTopicVectors[index], context, text),
            RequirementCategory.Language when requirement.Attributes.Languages.Count > 0 => Language(requirement, resume, text),
            RequirementCategory.Certification => Certification(requirement, context, text),
            _ when requirement.Attributes.MinYears is not null => Years(requirement, role.YearsTopicVectors[index], context, text),
            _ => Textual(requirement, context, text),
        };
        return new RequirementMatch(index, requirement.Level, requirement.Category, requirement.Text, verdict.Status, Math.Round(verdict.Score, 6), verdict.Evidence, verdict.Reason);
    }

    private static Verdict Textual(Requirement requirement, MatchContext context, TextEvidence text)
    {
        var resume = context.Resume;
        var named = requirement.Attributes.Skills;
        var found = named.Where(resume.SkillSet.Contains).ToList();
        var coverage = named.Count > 0 ? found.Count / (double)named.Count : 0;
        var strength = Math.Max(Math.Min(1, text.Coverage / MetCoverage), coverage);
        var skillNote = named.Count > 0 ? $"; skills found {found.Count} of {named.Count}{List(found)}" : "";
        var shown = $"{Percent(text.Coverage)} of its content in one line, {Percent(text.Anywhere)} across the résumé";

        // When the skills carry the verdict and the text does not, the line that names a skill is the evidence.
        var span = found.Count > 0 && !text.IsPartial && resume.SkillUnits.TryGetValue(found[0], out var skillUnit)
            ? ToSpan(resume.Units[skillUnit])
            : text.Span;
        // Soft skills named in a list ("strong analytical skills") are claims, not concrete evidence: partial at most.
        var concrete = named.Any(n => !BuiltInSkills.IsSoftSkill(n));
        if (text.Coverage >= MetCoverage || (concrete && coverage >= 1))
            return new Verdict(RequirementStatus.Met, 0.75 + 0.25 * strength, span, $"Shown: {shown}{skillNote}.");
        if (text.IsPartial || coverage > 0)
            return new Verdict(RequirementStatus.Partial, 0.3 + 0.4 * strength, span, $"Partly shown: {shown}{skillNote}.");
        // A soft-skill requirement is rarely shown outright; a résumé that claims soft skills of its own shows it in part.
        if (named.Count > 0 && !concrete && resume.SkillSet.Any(BuiltInSkills.IsSoftSkill))
            return new Verdict(RequirementStatus.Partial, 0.3, text.Span, $"Soft skills claimed elsewhere, not shown for this one: {shown}{skillNote}.");
        return new Verdict(RequirementStatus.Missing, 0.3 * strength, text.Span, $"Not shown: {shown}{skillNote}.");
    }

    private static Verdict Years(Requirement requirement, SparseVector topic, MatchContext context, TextEvidence text)
    {
        var resume = context.Resume;
        var required = requirement.Attributes.MinYears!.Value;
        var of = requirement.Attributes.YearsOf;
        var generic = IsGenericExperience(of ?? requirement.Text);
        // "Relevant work experience" is relevant to the role; named experience must show in the position's own text.
        var relevant = resume.Positions
            .Where(p => generic ? context.Role.Document.Dot(p.Vector) >= RelevantPositionCosine : topic.CoveredBy(p.Vector) >= TopicPositionCoverage)
            .ToList();
        var years = EmploymentPeriodReader.TotalYears(relevant.Select(p => p.Period));
        var span = relevant.Count > 0
            ? PositionSpan(resume, relevant.OrderByDescending(p => generic ? context.Role.Document.Dot(p.Vector) : topic.CoveredBy(p.Vector)).First())
            : text.Span;
        var what = generic ? "of relevant experience" : $"in {of ?? RequirementQuery.ContentOf(requirement.Text)}";
        var range = relevant.Count > 0
            ? $", {relevant.Min(p => p.Period.Start.Year)}–{(relevant.Any(p => p.Period.IsCurrent) ? "present" : relevant.Max(p => p.Period.End.AddDays(-1).Year).ToString(Invariant))}"
            : "";
        var reason = $"{Fmt(required)}+ years required {what}; {Fmt(years)} years found{range}.";

        if (years >= required)
            return new Verdict(RequirementStatus.Met, 1.0, span, reason);
        if (years > 0 || text.IsPartial)
            return new Verdict(RequirementStatus.Partial, 0.3 + 0.4 * Math.Min(1, years / required), span, reason);
        return new Verdict(RequirementStatus.Missing, 0, text.Span, reason);
    }

    private static Verdict Education(Requirement requirement, SparseVector fields, MatchContext context, TextEvidence text)
    {
        var resume = context.Resume;
        var attributes = requirement.Attributes;
        var required = attributes.Degree!.Value;
        var profile = resume.Profile;
        var have = profile.HighestDegree;
        var span = DegreeSpan(resume) ?? text.Span;
        var fieldFits = attributes.DegreeFields.Count == 0 ? true
            : resume.DegreeField is null || profile.DegreeField is null ? (bool?)null
            : fields.Dot(resume.DegreeField) >= FieldCosine || SharesFieldWord(attributes.DegreeFields, profile.DegreeField);
        var haveText = have == DegreeLevel.None ? "no degree found" : $"{Describe(have)}{(profile.DegreeField is { } f ? $" in {f}" : "")} found";
        var asked = $"{Describe(required)}{(attributes.DegreeFields.Count > 0 ? $" in {string.Join(", ", attributes.DegreeFields)}" : "")} required";

        if (have >= required && fieldFits == true)
            return new Verdict(RequirementStatus.Met, 1.0, span, $"{asked}; {haveText}.");
        if (attributes.EquivalentExperienceAccepted && context.RelevantYears >= EquivalentYears)
            return new Verdict(RequirementStatus.Met, 0.85, span, $"{asked} or equivalent practical experience; {haveText}, {Fmt(context.RelevantYears)} years of relevant experience.");
        if (have >= required)
            return new Verdict(RequirementStatus.Partial, 0.6, span, fieldFits is null ? $"{asked}; {haveText}, field not stated." : $"{asked}; {haveText}, in another field.");
        if (have >= DegreeLevel.Associate && have >= required - 1 && fieldFits != false)
            return new Verdict(RequirementStatus.Partial, 0.5, span, $"{asked}; {haveText}, one level lower.");
        if (attributes.EquivalentExperienceAccepted && context.RelevantYears >= EquivalentYears / 2)
            return new Verdict(RequirementStatus.Partial, 0.4, span, $"{asked} or equivalent practical experience; {haveText}, {Fmt(context.RelevantYears)} years of relevant experience.");
        return new Verdict(RequirementStatus.Missing, 0, span, $"{asked}; {haveText}.");
    }

    private static Verdict Language(Requirement requirement, PreparedResume resume, TextEvidence text)
    {
        var asked = requirement.Attributes.Languages;
        var stated = new HashSet<string>(resume.Profile.Languages, StringComparer.OrdinalIgnoreCase);
        var found = asked.Where(stated.Contains).ToList();
        // A résumé written in English shows English, but not as strongly as a statement of it.
        var implied = asked.Where(l => !stated.Contains(l) && l.Equals("English", StringComparison.OrdinalIgnoreCase)).ToList();
        var span = LanguageSpan(resume, found) ?? text.Span;
        var reason = $"Languages required: {string.Join(", ", asked)}; stated: {(found.Count > 0 ? string.Join(", ", found) : "none")}{(implied.Count > 0 ? "; English shown by the résumé itself" : "")}.";

        if (found.Count == asked.Count || (found.Count + implied.Count == asked.Count && asked.Count == 1))
            return new Verdict(RequirementStatus.Met, 1.0, span, reason);
        if (found.Count + implied.Count > 0)
            return new Verdict(RequirementStatus.Partial, 0.5 * (found.Count + implied.Count) / asked.Count, span, reason);
        return new Verdict(RequirementStatus.Missing, 0, null, reason);
    }

    private static Verdict Certification(Requirement requirement, MatchContext context, TextEvidence text)
    {
        var resume = context.Resume;
        var names = requirement.Attributes.Certifications;
        foreach (var name in names)
        {
            var at = resume.FindWord(name);
            if (at >= 0)
            {
                var unit = resume.UnitAt(at);
                return new Verdict(RequirementStatus.Met, 1.0, unit < 0 ? null : ToSpan(resume.Units[unit]), $"Certification {name} found.");
            }
        }

        var textual = Textual(requirement, context, text);
        return textual.Status == RequirementStatus.Met
            ? textual
            : textual with { Reason = $"Certification {(names.Count > 0 ? string.Join(", ", names) : "")} not found; " + textual.Reason };
    }

    // A young model may not know a field's words yet (they weigh 0 below the minimum document frequency): compare words too.
    private static bool SharesFieldWord(IReadOnlyList<string> wanted, string field)
    {
        var have = RequirementQuery.ContentOf(field).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return wanted.Any(w => RequirementQuery.ContentOf(w).Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(have.Contains));
    }

    private static bool IsGenericExperience(string? of)
    {
        if (string.IsNullOrWhiteSpace(of)) return true;
        var words = TermText.Prepare(of, Stemming.None).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] generic = ["relevant", "work", "working", "experience", "industry", "professional", "related", "of", "in", "a", "an", "the", "combined", "total"];
        return words.All(w => generic.Contains(w));
    }

    private static EvidenceSpan? DegreeSpan(PreparedResume resume) =>
        resume.EducationUnit >= 0 ? ToSpan(resume.Units[resume.EducationUnit]) : null;

    private static EvidenceSpan? LanguageSpan(PreparedResume resume, IReadOnlyList<string> languages)
    {
        foreach (var language in languages)
        {
            var at = resume.FindWord(language);
            var unit = at >= 0 ? resume.UnitAt(at) : -1;
            if (unit >= 0) return ToSpan(resume.Units[unit]);
        }

        return null;
    }

    private static EvidenceSpan PositionSpan(PreparedResume resume, PreparedPosition position)
    {
        var text = resume.Profile.Text;
        var end = text.IndexOf('\n', position.TextStart);
        var length = (end < 0 ? text.Length : end) - position.TextStart;
        var unit = resume.Units.FirstOrDefault(u => u.Start >= position.TextStart);
        return new EvidenceSpan(text.Substring(position.TextStart, length), unit?.Section ?? SectionKind.Experience, position.TextStart, length);
    }

    private static EvidenceSpan ToSpan(EvidenceUnit unit) => new(unit.Text, unit.Section, unit.Start, unit.Length);

    private static string Describe(DegreeLevel level) => level switch
    {
        DegreeLevel.HighSchool => "high school diploma",
        DegreeLevel.Associate => "associate degree",
        DegreeLevel.Bachelor => "bachelor's degree",
        DegreeLevel.Master => "master's degree",
        DegreeLevel.Doctorate => "doctorate",
        _ => "no degree",
    };

    private static string List(IReadOnlyList<string> items) => items.Count > 0 ? $" ({string.Join(", ", items)})" : "";

    private static string Percent(double share) => share.ToString("0%", Invariant);

    private static string Fmt(double value) => value.ToString("0.##", Invariant);

    private sealed class MatchContext(PreparedRole role, PreparedResume resume)
    {
        private double? _relevantYears;

        public PreparedRole Role => role;
        public PreparedResume Resume => resume;

        // Years in positions whose text is about the role; computed only when a requirement asks (it costs a dot per position).
        public double RelevantYears => _relevantYears ??= EmploymentPeriodReader.TotalYears(
            resume.Positions.Where(p => role.Document.Dot(p.Vector) >= RelevantPositionCosine).Select(p => p.Period));
    }

    private sealed record TextEvidence(double Coverage, double Anywhere, EvidenceSpan? Span)
    {
        public bool IsPartial => Coverage >= PartialCoverage || Anywhere >= PartialAnywhere;
    }

    private sealed record Verdict(RequirementStatus Status, double Score, EvidenceSpan? Evidence, string Reason);
}
