using Match.Scoring.Postings;
using Match.Scoring.Resumes;

namespace Match.Scoring.Matching;

/// <summary>The verdict on one requirement.</summary>
public enum RequirementStatus
{
    Missing,
    Partial,
    Met,
}

/// <summary>A passage of the résumé that supports a verdict: [Start, Start + Length) in the résumé's clean text.</summary>
public sealed record EvidenceSpan(string Text, SectionKind Section, int Start, int Length);

/// <summary>How one requirement fares against a résumé: status, score in [0, 1], best evidence and the reason in words.</summary>
public sealed record RequirementMatch(
    int Index,
    RequirementLevel Level,
    RequirementCategory Category,
    string Requirement,
    RequirementStatus Status,
    double Score,
    EvidenceSpan? Evidence,
    string Reason);
