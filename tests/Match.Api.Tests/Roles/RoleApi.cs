using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Match.Api.Tests.Roles;

/// <summary>Calls to the roles API as an ATS or a recruiter makes them.</summary>
internal static class RoleApi
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Creates a role from <paramref name="posting"/> and returns its body, asserting 201.</summary>
    public static async Task<JsonElement> CreateAsync(this HttpClient client, string posting, string? title = null, string? externalId = null)
    {
        var response = await client.PostJsonAsync("/roles", new { externalId, title, postingText = posting });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static long Id(this JsonElement role) => role.GetProperty("id").GetInt64();

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static IReadOnlyList<JsonElement> Requirements(this JsonElement role) => [.. role.GetProperty("requirements").EnumerateArray()];
}
