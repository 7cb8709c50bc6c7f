using System.Security.Cryptography;
using System.Text;
using Match.Data;
using Match.Data.Jobs;
using Microsoft.Extensions.Options;

namespace Match.Api.Jobs;

/// <summary>What a completion callback says about a job; the body is signed as sent.</summary>
public sealed record JobCallback(
    long JobId,
    JobState State,
    long Total,
    long Done,
    long Failed,
    string? ModelVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string Results,
    int Attempt);

/// <summary>
/// POSTs a summary to a finished job's callback URL, signed with HMAC-SHA256 over the exact body bytes in
/// <c>X-Match-Signature: sha256=&lt;hex&gt;</c>. A failure (no 2xx, timeout, refused connection) is retried after a delay that
/// doubles each time, up to <see cref="JobOptions.CallbackMaxAttempts"/>; the schedule lives in SQLite, so it survives restarts.
/// </summary>
public sealed partial class CallbackDelivery(
    JobStore jobs, IHttpClientFactory clients, JobSignals signals, IOptions<JobOptions> options, TimeProvider clock, ILogger<CallbackDelivery> logger)
    : BackgroundService
{
    public const string HttpClientName = "Match.Callbacks";
    public const string SignatureHeader = "X-Match-Signature";
    public const string JobHeader = "X-Match-Job";

    /// <summary>The signature header value for <paramref name="body"/>: <c>sha256=</c> and the lower-case hex HMAC-SHA256.</summary>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await DeliverDueAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: undelivered callbacks stay pending in the store.
        }
    }

    private async Task DeliverDueAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<Job> due;
            try
            {
                due = await jobs.DueCallbacksAsync(20, stoppingToken);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                LogStoreError(ex);
                due = [];
            }

            foreach (var job in due)
            {
                await DeliverAsync(job, stoppingToken);
            }

            if (due.Count == 0)
            {
                await signals.WaitForCallbacksAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(Job job, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var attempt = checked((int)job.CallbackAttempts + 1);
        var summary = new JobCallback(job.Id, job.State, job.Total, job.Done, job.Failed, job.ModelVersion, job.CreatedAt, job.FinishedAt, $"/jobs/{job.Id}/results", attempt);
        var body = Encoding.UTF8.GetBytes(StoredJson.Serialize(summary));
        string? error;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, job.CallbackUrl) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add(SignatureHeader, Sign(settings.CallbackSecret ?? "", body));
            request.Headers.Add(JobHeader, job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(settings.CallbackTimeout);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            error = response.IsSuccessStatusCode ? null : $"the callback URL answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            error = ex is TaskCanceledException ? $"no answer within {settings.CallbackTimeout.TotalSeconds:0.#} s" : ex.Message;
        }

        if (error is null)
        {
            await jobs.RecordCallbackAttemptAsync(job.Id, CallbackState.Delivered, null, null, stoppingToken);
            LogDelivered(job.Id, attempt);
            return;
        }

        var giveUp = attempt >= settings.CallbackMaxAttempts;
        var next = clock.GetUtcNow() + settings.CallbackFirstRetryDelay * Math.Pow(2, attempt - 1);
        await jobs.RecordCallbackAttemptAsync(job.Id, giveUp ? CallbackState.Failed : CallbackState.Pending, giveUp ? null : next, error, stoppingToken);
        LogFailed(job.Id, attempt, error, giveUp);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: callback delivered on attempt {Attempt}")]
    private partial void LogDelivered(long jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: callback attempt {Attempt} failed ({Error}); given up: {GivenUp}")]
    private partial void LogFailed(long jobId, int attempt, string error, bool givenUp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job store could not be read for callbacks; retrying")]
    private partial void LogStoreError(Exception exception);
}
