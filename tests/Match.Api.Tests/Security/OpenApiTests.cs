using System.Text.Json;
using Match.Api.Tests.Roles;

namespace Match.Api.Tests.Security;

/// <summary>The OpenAPI document: an API-key Authorize button, a summary on every operation, problem details on every error, examples.</summary>
public sealed class OpenApiTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];

    [Fact]
    public async Task The_document_declares_the_api_key_scheme_and_every_operation_requires_it()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.Str("type"));
        Assert.Equal("header", scheme.Str("in"));
        Assert.Equal("X-Api-Key", scheme.Str("name"));
        Assert.All(Operations(document), op =>
        {
            var security = op.Operation.GetProperty("security").EnumerateArray().Single();
            Assert.True(security.TryGetProperty("ApiKey", out _), op.Name);
        });
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_says_which_scope_it_needs()
    {
        var document = await DocumentAsync();

        var missing = Operations(document)
            .Where(op => !op.Operation.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(op => op.Name)
            .ToList();

        Assert.True(missing.Count == 0, "No summary: " + string.Join(", ", missing));
        Assert.Contains("scope write", Operation(document, "post", "/roles").Str("description"), StringComparison.Ordinal);
        Assert.Contains("scope read", Operation(document, "get", "/roles").Str("description"), StringComparison.Ordinal);
        Assert.Contains("scope admin", Operation(document, "get", "/audit").Str("description"), StringComparison.Ordinal);
        Assert.Contains("scope admin", Operation(document, "post", "/model/refit").Str("description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_error_response_is_documented_as_problem_details_and_secured_operations_list_401_403_429()
    {
        var document = await DocumentAsync();

        foreach (var op in Operations(document))
        {
            var responses = op.Operation.GetProperty("responses");
            foreach (var status in new[] { "401", "403", "429" })
            {
                Assert.True(responses.TryGetProperty(status, out _), $"{op.Name} lacks {status}");
            }

            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var content = response.Value.GetProperty("content");
                Assert.True(content.TryGetProperty("application/problem+json", out var problem), $"{op.Name} {response.Name}");
                Assert.Contains("ProblemDetails", problem.GetProperty("schema").GetRawText(), StringComparison.Ordinal);
            }
        }

        var create = Operation(document, "post", "/roles").GetProperty("responses");
        foreach (var status in new[] { "201", "400", "409", "413", "415" })
        {
            Assert.True(create.TryGetProperty(status, out _), $"POST /roles lacks {status}");
        }
    }

    [Fact]
    public async Task Role_and_resume_bodies_carry_real_looking_examples()
    {
        var document = await DocumentAsync();

        var roleJson = Operation(document, "post", "/roles").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var roleText = Operation(document, "post", "/roles").GetProperty("requestBody").GetProperty("content").GetProperty("text/plain").GetProperty("example");
        var resume = Operation(document, "post", "/resumes").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var score = Operation(document, "post", "/roles/{id}/score").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");

        Assert.Contains("Minimum qualifications", roleJson.Str("postingText"), StringComparison.Ordinal);
        Assert.Contains("Preferred qualifications", roleText.GetString(), StringComparison.Ordinal);
        Assert.Contains("Experience", resume.Str("text"), StringComparison.Ordinal);
        Assert.Contains("Skills", score.Str("text"), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var app = new MatchApp();
        using var anonymous = app.CreateAnonymousClient();
        var response = await anonymous.GetAsync("/swagger/v1/swagger.json");
        return await response.JsonAsync();
    }

    private static JsonElement Operation(JsonElement document, string method, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);
}
