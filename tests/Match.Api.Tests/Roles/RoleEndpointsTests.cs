using System.Net;
using System.Text;
using System.Text.Json;

namespace Match.Api.Tests.Roles;

public sealed class RoleEndpointsTests
{
    [Fact]
    public async Task Posting_json_creates_an_open_role_with_typed_requirements_read_from_the_posting()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.PostJsonAsync("/roles", new { externalId = "ats-1", postingText = Postings.DataEngineer });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var role = await response.JsonAsync();
        Assert.Equal($"/roles/{role.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("ats-1", role.Str("externalId"));
        Assert.Contains("Data Engineer", role.Str("title"), StringComparison.Ordinal);
        Assert.Equal("open", role.Str("status"));
        Assert.Equal("parsed", role.Str("requirementsSource"));
        Assert.Equal(1, role.GetProperty("version").GetInt64());
        Assert.Equal(64, role.Str("requirementsHash").Length);
        Assert.Equal(Postings.DataEngineer, role.Str("postingText"));
        var requirements = role.Requirements();
        Assert.Contains(requirements, r => r.Str("level") == "minimum" && r.GetProperty("attributes").GetProperty("skills").EnumerateArray().Any(s => s.GetString() == "Python"));
        Assert.Contains(requirements, r => r.Str("level") == "preferred" && r.Str("text").Contains("Kubernetes", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, requirements.Count), requirements.Select(r => r.GetProperty("ordinal").GetInt32()));
    }

    [Fact]
    public async Task Posting_plain_text_creates_a_role_from_the_body()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.SendRawAsync(HttpMethod.Post, "/roles", Postings.MlEngineer, "text/plain");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var role = await response.JsonAsync();
        Assert.Equal(Postings.MlEngineer, role.Str("postingText"));
        Assert.Contains("Machine Learning Engineer", role.Str("title"), StringComparison.Ordinal);
        Assert.Contains(role.Requirements(), r => r.Str("level") == "minimum" && r.Str("text").Contains("C++", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, role.TryGetProperty("externalId", out var externalId) ? externalId.ValueKind : JsonValueKind.Null);
    }

    [Fact]
    public async Task Structured_requirements_are_typed_and_a_given_category_wins()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.PostJsonAsync("/roles", new
        {
            title = "Platform Engineer",
            requirements = new object[]
            {
                new { level = "minimum", text = "5+ years of experience with Python" },
                new { level = "preferred", text = "Kubernetes", category = "certification" },
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var role = await response.JsonAsync();
        Assert.Equal("Platform Engineer", role.Str("title"));
        Assert.Equal("supplied", role.Str("requirementsSource"));
        Assert.Equal("", role.Str("postingText"));
        var requirements = role.Requirements();
        var years = Assert.Single(requirements, r => r.Str("level") == "minimum");
        Assert.Equal(5, years.GetProperty("attributes").GetProperty("minYears").GetDouble());
        var preferred = Assert.Single(requirements, r => r.Str("level") == "preferred");
        Assert.Equal("certification", preferred.Str("category"));
    }

    [Fact]
    public async Task Get_returns_the_stored_role_and_404_problem_details_for_an_unknown_id()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var created = await client.CreateAsync(Postings.DataEngineer, title: "Data Engineer");

        var found = await client.GetAsync($"/roles/{created.Id()}");
        var missing = await client.GetAsync($"/roles/{created.Id() + 1000}");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(created.ToString(), (await found.JsonAsync()).ToString());
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Posting_an_external_id_that_exists_is_a_409_problem_and_stores_nothing()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var first = await client.CreateAsync(Postings.DataEngineer, externalId: "req-42");

        var second = await client.PostJsonAsync("/roles", new { externalId = "req-42", postingText = Postings.MlEngineer });

        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("req-42", problem.Str("detail"), StringComparison.Ordinal);
        var list = await (await client.GetAsync("/roles")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        var stored = await (await client.GetAsync($"/roles/{first.Id()}")).JsonAsync();
        Assert.Equal(Postings.DataEngineer, stored.Str("postingText"));
    }

    [Fact]
    public async Task Put_by_external_id_creates_then_is_idempotent_then_replaces()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var body = new { title = "Data Engineer", postingText = Postings.DataEngineer };

        var created = await client.PutJsonAsync("/roles/greenhouse:991", body);
        var repeated = await client.PutJsonAsync("/roles/greenhouse:991", body);
        var replaced = await client.PutJsonAsync("/roles/greenhouse:991", new { title = "ML Engineer", postingText = Postings.MlEngineer });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await created.JsonAsync();
        Assert.Equal($"/roles/{first.Id()}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(first.ToString(), (await repeated.JsonAsync()).ToString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var third = await replaced.JsonAsync();
        Assert.Equal(first.Id(), third.Id());
        Assert.Equal(2, third.GetProperty("version").GetInt64());
        Assert.Equal("ML Engineer", third.Str("title"));
        Assert.NotEqual(first.Str("requirementsHash"), third.Str("requirementsHash"));
        Assert.Equal(1, (await (await client.GetAsync("/roles")).JsonAsync()).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Put_by_external_id_accepts_plain_text_and_keeps_a_closed_status_when_the_body_omits_it()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        await client.PutJsonAsync("/roles/lever-7", new { postingText = Postings.DataEngineer, status = "closed" });

        var response = await client.SendRawAsync(HttpMethod.Put, "/roles/lever-7", Postings.MlEngineer, "text/plain");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var role = await response.JsonAsync();
        Assert.Equal("closed", role.Str("status"));
        Assert.Equal(Postings.MlEngineer, role.Str("postingText"));
    }

    [Fact]
    public async Task A_recruiters_corrections_replace_the_parsed_requirements_and_survive_a_resend_of_the_same_posting()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var created = await (await client.PutJsonAsync("/roles/ats-5", new { postingText = Postings.DataEngineer })).JsonAsync();

        var corrected = await client.PutJsonAsync($"/roles/{created.Id()}/requirements", new
        {
            requirements = new object[]
            {
                new { level = "minimum", text = "3 years of experience with SQL" },
                new { level = "preferred", text = "Airflow", category = "skill", attributes = new { skills = new[] { "Airflow" } } },
            },
        });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var role = await corrected.JsonAsync();
        Assert.Equal("corrected", role.Str("requirementsSource"));
        Assert.Equal(2, role.GetProperty("version").GetInt64());
        Assert.NotEqual(created.Str("requirementsHash"), role.Str("requirementsHash"));
        var requirements = role.Requirements();
        Assert.Equal(2, requirements.Count);
        Assert.Equal(3, requirements[0].GetProperty("attributes").GetProperty("minYears").GetDouble());
        Assert.Equal("skill", requirements[1].Str("category"));
        Assert.Equal("Airflow", requirements[1].GetProperty("attributes").GetProperty("skills")[0].GetString());

        var resent = await (await client.PutJsonAsync("/roles/ats-5", new { postingText = Postings.DataEngineer })).JsonAsync();
        Assert.Equal(role.ToString(), resent.ToString());

        var newPosting = await (await client.PutJsonAsync("/roles/ats-5", new { postingText = Postings.MlEngineer })).JsonAsync();
        Assert.Equal("parsed", newPosting.Str("requirementsSource"));
        Assert.Equal(3, newPosting.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Correcting_the_requirements_of_an_unknown_role_is_404()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.PutJsonAsync("/roles/12345/requirements", new { requirements = new[] { new { level = "minimum", text = "SQL" } } });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_removes_the_role_then_answers_404()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var created = await client.CreateAsync(Postings.DataEngineer);

        var deleted = await client.DeleteAsync(new Uri($"/roles/{created.Id()}", UriKind.Relative));
        var again = await client.DeleteAsync(new Uri($"/roles/{created.Id()}", UriKind.Relative));
        var get = await client.GetAsync($"/roles/{created.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        await get.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_pages_newest_first_and_filters_by_title_status_and_external_id()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var a = await client.CreateAsync(Postings.DataEngineer, title: "Senior Data Engineer", externalId: "a");
        var b = await client.CreateAsync(Postings.MlEngineer, title: "ML Engineer");
        var c = await client.CreateAsync(Postings.DataEngineer, title: "Data Analyst");
        var closed = await client.PutJsonAsync($"/roles/{b.Id()}/status", new { status = "closed" });
        Assert.Equal("closed", (await closed.JsonAsync()).Str("status"));

        var page1 = await (await client.GetAsync("/roles?limit=2")).JsonAsync();
        var page2 = await (await client.GetAsync("/roles?limit=2&offset=2")).JsonAsync();
        var byTitle = await (await client.GetAsync("/roles?title=DATA")).JsonAsync();
        var open = await (await client.GetAsync("/roles?status=Open")).JsonAsync();
        var byExternalId = await (await client.GetAsync("/roles?externalId=a")).JsonAsync();

        static long[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.Id())];
        Assert.Equal(3, page1.GetProperty("total").GetInt64());
        Assert.Equal([c.Id(), b.Id()], Ids(page1));
        Assert.Equal([a.Id()], Ids(page2));
        Assert.Equal([c.Id(), a.Id()], Ids(byTitle));
        Assert.Equal([c.Id(), a.Id()], Ids(open));
        Assert.Equal(2, open.GetProperty("total").GetInt64());
        Assert.Equal([a.Id()], Ids(byExternalId));
        var item = page2.GetProperty("items")[0];
        Assert.Equal("open", item.Str("status"));
        Assert.Equal(a.Requirements().Count, item.GetProperty("requirementCount").GetInt64());
    }

    public static TheoryData<string, string[]> InvalidBodies => new()
    {
        { """{}""", ["postingText"] },
        { """{"postingText":"   "}""", ["postingText"] },
        { """{"postingText":"Engineer","externalId":"has spaces"}""", ["externalId"] },
        { """{"postingText":"Engineer","title":""}""", ["title"] },
        { $$"""{"postingText":"Engineer","title":"{{new string('t', 301)}}"}""", ["title"] },
        { """{"requirements":[]}""", ["requirements", "title"] },
        { """{"title":"T","requirements":[{"text":"SQL"},{"level":"minimum","text":" "}]}""", ["requirements[0].level", "requirements[1].text"] },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_role_bodies_are_400_validation_problems_naming_the_fields(string json, string[] fields)
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.SendRawAsync(HttpMethod.Post, "/roles", json, "application/json");

        var names = await response.AssertValidationProblemAsync();
        Assert.Equal(fields.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await (await client.GetAsync("/roles")).JsonAsync()).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/roles/12/requirements", """{"requirements":[{"level":"minimum","text":"SQL","attributes":{"minYears":99}}]}""", "requirements[0].attributes.minYears")]
    [InlineData("/roles/12/requirements", """{}""", "requirements")]
    [InlineData("/roles/12/status", """{}""", "status")]
    [InlineData("/roles/has%20space", """{"postingText":"Engineer"}""", "externalId")]
    public async Task Invalid_put_bodies_and_ids_are_400_validation_problems(string path, string json, string field)
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.SendRawAsync(HttpMethod.Put, path, json, "application/json");

        Assert.Equal([field], await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData("/roles?limit=0", "limit")]
    [InlineData("/roles?limit=101", "limit")]
    [InlineData("/roles?offset=-1", "offset")]
    [InlineData("/roles?status=paused", "status")]
    public async Task Invalid_list_queries_are_400_validation_problems(string path, string field)
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal([field], await response.AssertValidationProblemAsync());
    }

    [Theory]
    [InlineData("""{"postingText": """)]
    [InlineData("""{"title":"T","requirements":[{"level":"mandatory","text":"SQL"}]}""")]
    [InlineData("""{"postingText":"x","status":1}""")]
    public async Task Malformed_json_and_unknown_enum_values_are_400_problems(string json)
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.SendRawAsync(HttpMethod.Post, "/roles", json, "application/json");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/roles")]
    [InlineData("PUT", "/roles/ats-1")]
    public async Task Other_media_types_are_415_problems(string method, string path)
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.SendRawAsync(new HttpMethod(method), path, "<posting>Engineer</posting>", "application/xml");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, (await (await client.GetAsync("/roles")).JsonAsync()).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_posting_over_the_default_256_KiB_is_a_413_problem()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var posting = "Data Engineer\n" + new string('x', 256 * 1024);

        var response = await client.SendRawAsync(HttpMethod.Post, "/roles", posting, "text/plain");

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("262144", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, (await (await client.GetAsync("/roles")).JsonAsync()).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_size_limit_is_configurable_and_applies_to_bodies_of_unknown_length()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Limits:MaxPostingBytes"] = "1024" });
        using var client = app.CreateClient();
        var small = Postings.MlEngineer;
        var large = Postings.DataEngineer + new string('x', 1024);

        var fits = await client.SendRawAsync(HttpMethod.Post, "/roles", small, "text/plain");
        var tooLarge = await client.SendRawAsync(HttpMethod.Put, "/roles/ats-9", large, "text/plain");
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(large)));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/roles", UriKind.Relative)) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var chunkedTooLarge = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        Assert.Contains("1024", (await tooLarge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Str("detail"), StringComparison.Ordinal);
        await chunkedTooLarge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(1, (await (await client.GetAsync("/roles")).JsonAsync()).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_role_route_and_both_body_types()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).JsonAsync();

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/roles", out var roles));
        Assert.True(paths.TryGetProperty("/roles/{externalId}", out _));
        Assert.True(paths.TryGetProperty("/roles/{id}", out _));
        Assert.True(paths.TryGetProperty("/roles/{id}/requirements", out _));
        var content = roles.GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _));
        Assert.True(content.TryGetProperty("text/plain", out _));
        Assert.True(roles.GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
    }
}
