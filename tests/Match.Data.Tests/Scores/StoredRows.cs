using System.Text;
using Match.Data.Resumes;
using Match.Data.Roles;
using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Resumes.Extraction;
using Match.Scoring.Skills;

namespace Match.Data.Tests.Scores;

/// <summary>Roles and résumés stored through their own stores, for the score and job store tests.</summary>
internal static class StoredRows
{
    private static readonly ResumeAnalyzer Analyzer = new(new SkillVocabulary([new SkillEntry("SQL", [])]), TimeProvider.System);

    public static async Task<Role> RoleAsync(TempDatabase db, string title, RoleStatus status = RoleStatus.Open)
    {
        var requirement = new Requirement(RequirementLevel.Minimum, RequirementCategory.Skill, "SQL", RequirementAttributes.None);
        return await new RoleStore(db.Connections, TimeProvider.System)
            .CreateAsync(null, new RoleContent(title, status, $"{title} posting", [requirement], RequirementsSource.Parsed));
    }

    public static async Task<Resume> ResumeAsync(TempDatabase db, string text, string? name = null)
    {
        var content = new ResumeContent(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            ResumeFormat.Text,
            null,
            new CandidateInfo(name),
            Analyzer.Analyze(text),
            Redacted: false);
        return (await new ResumeStore(db.Connections, TimeProvider.System).CreateAsync(null, content)).Resume;
    }
}
