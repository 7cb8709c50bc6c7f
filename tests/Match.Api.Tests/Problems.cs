using System.Net;
using System.Text.Json;

namespace Match.Api.Tests;

/// <summary>Assertions on RFC 9457 problem details responses.</summary>
public static class Problems
{
    /// <summary>Asserts the status and a problem details body carrying the same status; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 ValidationProblem and returns its field names.</summary>
    public static async Task<IReadOnlyCollection<string>> AssertValidationProblemAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"No errors member: {problem}");
        return [.. errors.EnumerateObject().Select(e => e.Name)];
    }
}
