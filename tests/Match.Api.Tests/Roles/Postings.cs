namespace Match.Api.Tests.Roles;

/// <summary>Postings written for these tests.</summary>
internal static class Postings
{
    public const string DataEngineer = """
        Senior Data Engineer

        Minimum qualifications:
        Bachelor's degree in Computer Science or equivalent practical experience.
        5 years of experience with Python and SQL.

        Preferred qualifications:
        Experience with Kubernetes.
        """;

    public const string MlEngineer = """
        Machine Learning Engineer

        Minimum qualifications:
        3 years of experience with C++.

        Preferred qualifications:
        Experience with machine learning.
        """;
}
