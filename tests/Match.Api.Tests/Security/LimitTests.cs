using System.Net;
using System.Text;
using Match.Api.Security;
using Match.Api.Tests.Roles;
using Match.Data.Keys;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Match.Api.Tests.Security;

/// <summary>Rate limits per key (429 + Retry-After), request time limits (503), and oversized headers on a real Kestrel (431).</summary>
public sealed class LimitTests
{
    private const string Posting = "Data Engineer\n\nMinimum qualifications:\n3 years of experience with Python.\n";

    [Fact]
    public async Task A_key_over_its_rate_gets_429_problem_details_with_retry_after_while_other_keys_go_on()
    {
        await using var app = new MatchApp(new Dictionary<string, string?>
        {
            ["Match:RateLimit:PermitsPerKey"] = "3",
            ["Match:RateLimit:WindowSeconds"] = "120",
        });
        using var busy = app.CreateClient(ApiScope.Write);
        using var other = app.CreateClient(ApiScope.Write);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await busy.GetAsync("/roles")).StatusCode);
        }

        var limited = await busy.PostJsonAsync("/roles", new { postingText = Posting });
        var otherKey = await other.GetAsync("/roles");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 120);
        Assert.Contains("retry after", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
        Assert.Equal(0, await SecurityTests.CountAsync(app, "roles"));
    }

    [Fact]
    public async Task Requests_without_a_valid_key_are_limited_per_client_too()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:RateLimit:PermitsPerAnonymousClient"] = "2" });
        using var guesser = app.CreateAnonymousClient();
        guesser.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, "mk_0123456789abcdef_" + new string('0', 64));

        var first = await guesser.GetAsync("/roles");
        var second = await guesser.GetAsync("/roles");
        var third = await guesser.GetAsync("/roles");

        await first.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await second.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_request_over_the_time_limit_is_cancelled_with_503_problem_details_and_stores_nothing()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Limits:RequestTimeoutSeconds"] = "1" });
        using var client = KestrelClient(app);
        var address = client.BaseAddress!;

        // A client that sends the headers and the first chunk of a posting, then stalls.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /roles HTTP/1.1\r\nHost: {address.Authority}\r\n{ApiKeyFormat.HeaderName}: {app.AdminKey}\r\n"
            + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nData \r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var statusLine = await reader.ReadLineAsync(patience.Token);
        var rest = await ReadHeadersAndBodyAsync(reader, patience.Token);
        var elapsed = started.Elapsed;

        Assert.Equal("HTTP/1.1 503 Service Unavailable", statusLine);
        Assert.Contains("application/problem+json", rest, StringComparison.Ordinal);
        Assert.Contains("longer than 1 seconds", rest, StringComparison.Ordinal);
        Assert.InRange(elapsed.TotalSeconds, 0.5, 5);
        var roles = await client.GetAsync("/roles");
        Assert.Equal(0, (await roles.JsonAsync()).GetProperty("total").GetInt64());
    }

    private static async Task<string> ReadHeadersAndBodyAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            text.AppendLine(line);
            if (line.Contains("\"status\"", StringComparison.Ordinal) || line.Contains("}", StringComparison.Ordinal))
            {
                break;
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task Kestrel_answers_431_to_oversized_headers_and_nothing_changes()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Limits:MaxRequestHeadersBytes"] = "8192" });
        using var client = KestrelClient(app);

        using var oversized = new HttpRequestMessage(HttpMethod.Post, new Uri("/roles", UriKind.Relative))
        {
            Content = new StringContent(Posting, Encoding.UTF8, "text/plain"),
        };
        oversized.Headers.Add("X-Padding", new string('a', 16 * 1024));
        var rejected = await client.SendAsync(oversized);
        var fine = await client.GetAsync("/roles");

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(0, (await fine.JsonAsync()).GetProperty("total").GetInt64());
    }

    /// <summary>Serves the app on a real Kestrel port and returns an admin client for it: TestServer does not enforce these limits.</summary>
    private static HttpClient KestrelClient(MatchApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, app.AdminKey);
        // Kestrel closes a connection after refusing a request; a pooled reuse of it would race that close.
        client.DefaultRequestHeaders.ConnectionClose = true;
        return client;
    }
}
