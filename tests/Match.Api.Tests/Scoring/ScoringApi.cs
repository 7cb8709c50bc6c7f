using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Match.Api.Tests.Roles;

namespace Match.Api.Tests.Scoring;

/// <summary>Postings, résumés and calls the scoring tests share.</summary>
internal static class ScoringApi
{
    public const string DataEngineerPosting = """
        Senior Data Engineer

        Responsibilities:
        Build and run batch and streaming data pipelines for the analytics team.

        Minimum qualifications:
        Bachelor's degree in Computer Science or equivalent practical experience.
        5 years of experience with Python and SQL.

        Preferred qualifications:
        Experience with Kubernetes.
        Experience with Apache Airflow.
        """;

    public const string NursePosting = """
        Registered Nurse

        Responsibilities:
        Provide patient care on a busy surgical ward.

        Minimum qualifications:
        Current registered nurse license.
        2 years of experience in acute patient care.

        Preferred qualifications:
        BLS certification.
        """;

    public const string DataEngineerResume = """
        Alex Doe
        Summary
        Data engineer who builds pipelines in Python and SQL on Kubernetes.
        Experience
        Acme Analytics 2014 - 2024 Senior Data Engineer
        Built batch and streaming data pipelines in Python, SQL and Apache Airflow on Kubernetes.
        Education
        Bachelor of Science : Computer Science 2013 State University
        Skills
        Python, SQL, Airflow, Kubernetes, Spark
        """;

    public const string NurseResume = """
        Sam Roe
        Summary
        Registered nurse with acute care experience on surgical wards.
        Experience
        City Hospital 2016 - 2023 Registered Nurse
        Provided patient care on a surgical ward; trained new nurses.
        Education
        Bachelor of Science : Nursing 2015 State College
        Certifications
        Registered Nurse license, BLS
        """;

    public static Uri At(string path) => new(path, UriKind.Relative);

    public static async Task<long> CreateRoleAsync(this HttpClient client, string posting) => (await client.CreateAsync(posting)).Id();

    /// <summary>Stores a résumé given as text and returns its id, asserting 201.</summary>
    public static async Task<long> CreateResumeAsync(this HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync(At("/resumes"), new { text });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>POSTs JSON and returns the status and body, asserting the body is JSON.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostForJsonAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(At(path), body);
        return (response.StatusCode, await response.JsonAsync());
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(At(path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
