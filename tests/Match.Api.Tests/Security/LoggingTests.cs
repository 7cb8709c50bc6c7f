using System.Collections.Concurrent;
using System.Net;
using Match.Api.Infrastructure;
using Match.Api.Tests.Roles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Match.Api.Tests.Security;

/// <summary>Logs carry a request id and never résumé text, names, e-mails, or keys.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_of_role_resume_score_and_key_requests_hold_no_resume_text_names_emails_or_keys()
    {
        var sink = new CapturedLogs();
        await using var app = new MatchApp(configureHost: sink.AddTo);
        using var admin = app.CreateClient();

        var role = await admin.CreateAsync(OpenApiExamples.Posting);
        var resume = await admin.PostJsonAsync("/resumes", new
        {
            text = OpenApiExamples.Resume,
            candidate = new { name = "Jordan Avery", email = "jordan.avery@example.com", phone = "+31 6 1234 5678" },
        });
        var score = await admin.PostJsonAsync($"/roles/{role.Id()}/score", new { text = OpenApiExamples.Resume });
        var key = await (await admin.PostJsonAsync("/keys", new { name = "ats", scope = "write" })).JsonAsync();
        using var bad = app.CreateAnonymousClient();
        bad.DefaultRequestHeaders.Add("X-Api-Key", "mk_0123456789abcdef_" + new string('7', 64));
        await bad.GetAsync("/roles");

        Assert.Equal(HttpStatusCode.Created, resume.StatusCode);
        Assert.Equal(HttpStatusCode.OK, score.StatusCode);
        var text = sink.Text;
        Assert.Contains("POST /roles/ answered 201", text, StringComparison.Ordinal);
        Assert.Contains("RequestId", text, StringComparison.Ordinal);
        Assert.Contains("Request starting", text, StringComparison.Ordinal); // framework lines at every level are captured too
        foreach (var secret in new[]
        {
            "Jordan", "Avery", "jordan.avery@example.com", "1234 5678", "Harbourline", "settle 2 million", "Rotterdam",
            app.AdminKey, app.AdminKey[20..], key.Str("key")[20..], new string('7', 64),
        })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Each_response_carries_the_request_id_its_log_lines_carry()
    {
        var sink = new CapturedLogs();
        await using var app = new MatchApp(configureHost: sink.AddTo);
        using var admin = app.CreateClient();

        var response = await admin.GetAsync("/roles");

        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        Assert.False(string.IsNullOrWhiteSpace(requestId));
        Assert.Contains(sink.Entries, e => e.Message.StartsWith("GET /roles/ answered 200", StringComparison.Ordinal) && e.Scopes.Contains(requestId, StringComparison.Ordinal));
    }
}

/// <summary>Every log entry of the test host at every level, with its message, exception and scopes flattened to text.</summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, string Message, string Scopes)> Entries { get; } = new();

    public string Text => string.Join('\n', Entries.Select(e => $"{e.Category} | {e.Message} | {e.Scopes}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Adds this provider to the host's logging at every level of every category.</summary>
    public void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddLogging(logging =>
        {
            logging.AddProvider(this);
            logging.AddFilter<CapturedLogs>(category: null, level: LogLevel.Trace);
        }));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new System.Text.StringBuilder();
            owner._scopes.ForEachScope(
                (scope, text) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (name, value) in pairs)
                        {
                            text.Append(name).Append('=').Append(value).Append(' ');
                        }
                    }

                    text.Append(scope).Append("; ");
                },
                scopes);
            var structured = state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join(' ', values.Select(v => $"{v.Key}={v.Value}"))
                : "";
            owner.Entries.Enqueue((category, $"{formatter(state, exception)} {structured} {exception}", scopes.ToString()));
        }
    }
}
