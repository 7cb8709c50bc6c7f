using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Match.Api.Tests.Roles;
using Match.Api.Tests.Scoring;

namespace Match.Api.Tests.Jobs;

public sealed class CallbackTests
{
    private const string Secret = "test-callback-secret";

    [Fact]
    public async Task A_finished_job_posts_a_summary_signed_with_hmac_sha256_over_the_body_retrying_after_failures()
    {
        await using var receiver = new CallbackReceiver(failFirst: 2);
        await using var app = new MatchApp(new Dictionary<string, string?>
        {
            ["Match:Jobs:CallbackSecret"] = Secret,
            ["Match:Jobs:CallbackFirstRetryDelay"] = "00:00:00.100",
            ["Match:Jobs:PollInterval"] = "00:00:00.100",
        });
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var submitted = await client.PostBatchAsync(new { roleIds = new[] { role }, items = new[] { new { text = ScoringApi.DataEngineerResume } }, callbackUrl = receiver.Url });
        await submitted.AssertStatusAsync(HttpStatusCode.Accepted);
        var location = submitted.Headers.Location!.OriginalString;
        var delivered = await receiver.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Three attempts: two answered 500, the third 200; every one carried a valid signature of its own body.
        Assert.Equal(3, receiver.Attempts.Count);
        Assert.All(receiver.Attempts, a => Assert.Equal(Sign(a.Body), a.Signature));
        var summary = JsonDocument.Parse(delivered.Body).RootElement;
        Assert.Equal(long.Parse(location.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), summary.GetProperty("jobId").GetInt64());
        Assert.Equal("succeeded", summary.Str("state"));
        Assert.Equal(1, summary.GetProperty("total").GetInt64());
        Assert.Equal(1, summary.GetProperty("done").GetInt64());
        Assert.Equal($"{location}/results", summary.Str("results"));
        Assert.Equal(3, summary.GetProperty("attempt").GetInt32());
        var job = await WaitForCallbackStateAsync(client, location, "delivered");
        Assert.Equal(3, job.GetProperty("callback").GetProperty("attempts").GetInt64());
    }

    [Fact]
    public async Task A_callback_that_keeps_failing_is_given_up_after_the_configured_attempts()
    {
        await using var receiver = new CallbackReceiver(failFirst: int.MaxValue);
        await using var app = new MatchApp(new Dictionary<string, string?>
        {
            ["Match:Jobs:CallbackSecret"] = Secret,
            ["Match:Jobs:CallbackFirstRetryDelay"] = "00:00:00.050",
            ["Match:Jobs:CallbackMaxAttempts"] = "3",
            ["Match:Jobs:PollInterval"] = "00:00:00.100",
        });
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var submitted = await client.PostBatchAsync(new { roleIds = new[] { role }, items = new[] { new { text = ScoringApi.NurseResume } }, callbackUrl = receiver.Url });
        var job = await WaitForCallbackStateAsync(client, submitted.Headers.Location!.OriginalString, "failed");

        Assert.Equal(3, receiver.Attempts.Count);
        var callback = job.GetProperty("callback");
        Assert.Equal(3, callback.GetProperty("attempts").GetInt64());
        Assert.Contains("500", callback.Str("lastError"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_url_is_refused_while_no_secret_is_configured()
    {
        await using var app = new MatchApp();
        var client = app.CreateClient();
        var role = await client.CreateRoleAsync(ScoringApi.DataEngineerPosting);

        var response = await client.PostBatchAsync(new { roleIds = new[] { role }, items = new[] { new { text = "x" } }, callbackUrl = "http://127.0.0.1:9/hook" });

        Assert.Contains("callbackUrl", await response.AssertValidationProblemAsync());
    }

    private static string Sign(byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));

    private static async Task<JsonElement> WaitForCallbackStateAsync(HttpClient client, string location, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var job = await client.GetJsonAsync(location);
            if ((job.TryGetProperty("callback", out var callback) && callback.Str("state") == state) || DateTime.UtcNow > deadline)
            {
                Assert.Equal(state, job.GetProperty("callback").Str("state"));
                return job;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>An HTTP listener on 127.0.0.1 that records callbacks, answering 500 to the first <c>failFirst</c> of them.</summary>
    private sealed class CallbackReceiver : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private readonly int _failFirst;

        public CallbackReceiver(int failFirst)
        {
            _failFirst = failFirst;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/hooks/match/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(ListenAsync);
        }

        public string Url { get; }

        public ConcurrentQueue<(byte[] Body, string? Signature)> Attempts { get; } = new();

        public TaskCompletionSource<(byte[] Body, string? Signature)> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private async Task ListenAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var attempt = (body.ToArray(), context.Request.Headers["X-Match-Signature"]);
                Attempts.Enqueue(attempt);
                var ok = Attempts.Count > _failFirst;
                context.Response.StatusCode = ok ? 200 : 500;
                context.Response.Close();
                if (ok)
                {
                    Delivered.TrySetResult(attempt);
                }
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
