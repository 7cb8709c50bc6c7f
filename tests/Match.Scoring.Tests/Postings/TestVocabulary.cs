using Match.Scoring.Skills;

namespace Match.Scoring.Tests.Postings;

/// <summary>A small skill vocabulary owned by the tests, so they do not move when the built-in one grows.</summary>
internal static class TestVocabulary
{
    public static readonly SkillVocabulary Instance = new(
    [
        new SkillEntry("Python", []),
        new SkillEntry("Java", []),
        new SkillEntry("Go", ["Golang"]),
        new SkillEntry("C", []),
        new SkillEntry("C++", ["cpp"]),
        new SkillEntry("Objective-C", []),
        new SkillEntry("Swift", []),
        new SkillEntry("SQL", []),
        new SkillEntry("Kubernetes", ["k8s"]),
        new SkillEntry("Docker", []),
        new SkillEntry("Machine Learning", ["ML"]),
        new SkillEntry("Deep Learning", []),
        new SkillEntry("Distributed Systems", []),
        new SkillEntry("PyTorch", []),
        new SkillEntry("TensorFlow", []),
        new SkillEntry("Linux", []),
        new SkillEntry("Tableau", []),
        new SkillEntry("Excel", []),
        new SkillEntry("macOS", []),
        new SkillEntry("iOS", []),
        new SkillEntry("Computer Vision", []),
        new SkillEntry("MLOps", []),
        new SkillEntry("Data Science", []),
        new SkillEntry("Software Engineering", []),
    ]);
}
