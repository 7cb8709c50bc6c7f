using System.Net;
using System.Net.Http.Json;
using System.Text;
using Match.Api.Tests.Roles;
using Match.Api.Tests.Scoring;

namespace Match.Api.Tests.Infrastructure;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task A_retried_role_post_returns_the_first_answer_and_creates_one_role()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var body = new { postingText = ScoringApi.DataEngineerPosting };

        var first = await client.SendAsync(Keyed("/roles", "key-1", body));
        var retry = await client.SendAsync(Keyed("/roles", "key-1", body));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, (await client.GetJsonAsync("/roles")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Without_a_key_each_post_does_its_work()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();

        await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        Assert.Equal(2, (await client.GetJsonAsync("/roles")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_key_reused_with_another_body_answers_422_and_does_nothing()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        await client.SendAsync(Keyed("/roles", "key-2", new { postingText = ScoringApi.DataEngineerPosting }));

        var reused = await client.SendAsync(Keyed("/roles", "key-2", new { postingText = ScoringApi.NursePosting }));

        var problem = await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("key-2", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(1, (await client.GetJsonAsync("/roles")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Resume_posts_honour_the_key_too()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();

        var first = await client.SendAsync(Keyed("/resumes", "r-1", new { text = ScoringApi.NurseResume, externalId = "c-1" }));
        var retry = await client.SendAsync(Keyed("/resumes", "r-1", new { text = ScoringApi.NurseResume, externalId = "c-1" }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_retried_score_is_replayed_and_the_same_key_on_another_path_is_refused()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var roleId = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);
        var otherRole = await client.CreateRoleAsync(ScoringApi.NursePosting);
        var body = new { text = ScoringApi.DataEngineerResume };

        var first = await client.SendAsync(Keyed($"/roles/{roleId}/score", "s-1", body));
        var retry = await client.SendAsync(Keyed($"/roles/{roleId}/score", "s-1", body));
        var elsewhere = await client.SendAsync(Keyed($"/roles/{otherRole}/score", "s-1", body));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        await elsewhere.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_answers_400()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();

        var response = await client.SendAsync(Keyed("/roles", new string('k', 256), new { postingText = ScoringApi.DataEngineerPosting }));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await client.GetJsonAsync("/roles")).GetProperty("total").GetInt64());
    }

    internal static HttpRequestMessage Keyed(string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ScoringApi.At(path)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    internal static HttpRequestMessage Keyed(string path, string key, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ScoringApi.At(path)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
