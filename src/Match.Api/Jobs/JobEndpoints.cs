using System.Text.Json;
using System.Threading.Channels;
using FluentValidation;
using Match.Api.Audit;
using Match.Api.Infrastructure;
using Match.Api.Model;
using Match.Api.Security;
using Match.Data;
using Match.Data.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Match.Api.Jobs;

public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var batchOptions = app.ServiceProvider.GetRequiredService<IOptions<BatchOptions>>();
        var batch = app.MapGroup("/batch").WithTags("Batch").WithIdempotency();
        var jobs = app.MapGroup("/jobs").WithTags("Batch");

        batch.MapPost("/score", Score)
            .Accepts<BatchRequest>("application/json", BatchRequest.NdjsonType)
            .Produces<BatchResponse>(StatusCodes.Status200OK, "application/json", BatchRequest.NdjsonType)
            .WithBodyLimit(_ => batchOptions.Value.MaxBodyBytes)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        jobs.MapGet("/{id:long}", Get);
        jobs.MapGet("/{id:long}/results", Results).WithValidation<JobResultsQuery>();
        jobs.MapDelete("/{id:long}", Cancel);

        return app;
    }

    /// <summary>
    /// Scores many résumés against one or many roles. Up to Match:Batch:SyncMaxPairs pairs the answer comes at once, as JSON or,
    /// with <c>Accept: application/x-ndjson</c>, streamed one result a line as they are computed; above that (or with a
    /// callbackUrl) it is a job: 202 with <c>Location: /jobs/{id}</c>. Nothing is written unless the whole batch is valid.
    /// </summary>
    private static async Task<Results<Accepted<JobResponse>, Ok<BatchResponse>, PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Score(
        BatchRequest request,
        HttpContext context,
        IValidator<BatchRequest> validator,
        IOptions<BatchOptions> options,
        JobStore store,
        JobSignals signals,
        ModelHost models,
        BatchScorer scorer,
        IAuditLog audit,
        CancellationToken cancellationToken)
    {
        if (Invalid(request, await validator.ValidateAsync(request, cancellationToken)) is { } invalid)
        {
            return invalid;
        }

        var pairs = request.Pairs;
        if (pairs > options.Value.MaxPairs)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Batch too large",
                detail: $"The batch holds {pairs} pairs; the limit is {options.Value.MaxPairs}.");
        }

        var items = request.Items!.Select((item, index) => new JobItem(index, item!.ResumeId, item.Text, item.Ref, request.RolesOf(item))).ToList();
        var (missingRoles, missingResumes) = await store.MissingAsync(
            items.SelectMany(i => i.RoleIds), items.Where(i => i.ResumeId is not null).Select(i => i.ResumeId!.Value), cancellationToken);
        if (missingRoles.Count > 0 || missingResumes.Count > 0)
        {
            var named = new List<string>();
            if (missingRoles.Count > 0)
            {
                named.Add($"roles {string.Join(", ", missingRoles)}");
            }

            if (missingResumes.Count > 0)
            {
                named.Add($"résumés {string.Join(", ", missingResumes)}");
            }

            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown ids",
                detail: $"These do not exist: {string.Join("; ", named)}.",
                extensions: new Dictionary<string, object?> { ["missingRoleIds"] = missingRoles, ["missingResumeIds"] = missingResumes });
        }

        var scoring = new BatchScoring(request.Weights, request.Explain);
        if (pairs > options.Value.SyncMaxPairs || request.CallbackUrl is not null)
        {
            var job = await store.CreateAsync(new JobSpec(items, StoredJson.Serialize(scoring), request.CallbackUrl, context.User.ApiKeyId()), cancellationToken);
            signals.WorkAdded();
            return TypedResults.Accepted($"/jobs/{job.Id}", JobResponse.From(job, []));
        }

        var model = await models.GetAsync(cancellationToken);
        var roles = await scorer.PrepareRolesAsync(model, items.SelectMany(i => i.RoleIds), cancellationToken);
        if (WantsNdjson(context.Request))
        {
            var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            return TypedResults.Stream(
                async stream =>
                {
                    var streamed = await StreamAsync(stream, scorer, roles, items, scoring, json, context.RequestAborted);
                    await audit.RecordScoresAsync(BatchAudit.Entries(context.User.ApiKeyId(), BatchAudit.BatchAction, roles, items, streamed), CancellationToken.None);
                },
                BatchRequest.NdjsonType);
        }

        var results = new List<BatchResult>((int)pairs);
        await scorer.ScoreAsync(roles, items, scoring, itemResults =>
        {
            lock (results)
            {
                results.AddRange(itemResults);
            }

            return ValueTask.CompletedTask;
        }, cancellationToken);
        await audit.RecordScoresAsync(BatchAudit.Entries(context.User.ApiKeyId(), BatchAudit.BatchAction, roles, items, results), cancellationToken);
        return TypedResults.Ok(new BatchResponse(pairs, [.. results.OrderBy(r => r.Item).ThenBy(r => r.RoleId)]));
    }

    /// <summary>A job's state, progress (done of total pairs) and first errors.</summary>
    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> Get(
        long id, JobStore store, IOptions<JobOptions> options, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id, cancellationToken);
        if (job is null)
        {
            return JobNotFound(id);
        }

        var errors = job.Failed > 0 ? await store.ErrorsAsync(id, options.Value.ErrorsShown, cancellationToken) : [];
        return TypedResults.Ok(JobResponse.From(job, errors));
    }

    /// <summary>A page of a job's results in (item, role) order; results appear as chunks are committed.</summary>
    private static async Task<Results<Ok<JobResultsResponse>, ProblemHttpResult>> Results(
        long id, [AsParameters] JobResultsQuery query, JobStore store, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id, cancellationToken);
        if (job is null)
        {
            return JobNotFound(id);
        }

        var offset = query.Offset ?? 0;
        var limit = query.Limit ?? JobResultsQuery.DefaultLimit;
        var page = await store.ResultsAsync(id, offset, limit, cancellationToken);
        var items = page.Items.Select(r => StoredJson.Deserialize<BatchResult>(r.ResultJson)).ToList();
        return TypedResults.Ok(new JobResultsResponse(id, job.State, items, page.Total, offset, limit));
    }

    /// <summary>Cancels a queued or running job: no more pairs are scored, the results so far stay readable.</summary>
    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> Cancel(long id, JobStore store, JobSignals signals, CancellationToken cancellationToken)
    {
        var (outcome, job) = await store.CancelAsync(id, cancellationToken);
        switch (outcome)
        {
            case CancelOutcome.NotFound:
                return JobNotFound(id);
            case CancelOutcome.AlreadyFinished:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict, title: "Job already finished", detail: $"Job {id} has already {StoredJson.Name(job!.State)}.");
            default:
                signals.Cancel(id);
                signals.CallbackDue();
                return TypedResults.Ok(JobResponse.From(job!, []));
        }
    }

    // Results are written as each item's are ready, in whatever order the cores finish them; every line names its item and role.
    private static async Task<List<BatchResult>> StreamAsync(
        Stream stream, BatchScorer scorer, BatchRoles roles, IReadOnlyList<JobItem> items, BatchScoring scoring, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<IReadOnlyList<BatchResult>>(new BoundedChannelOptions(64) { SingleReader = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                await scorer.ScoreAsync(roles, items, scoring, itemResults => channel.Writer.WriteAsync(itemResults, cancellationToken), cancellationToken);
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, cancellationToken);

        var newline = "\n"u8.ToArray();
        var streamed = new List<BatchResult>();
        await foreach (var itemResults in channel.Reader.ReadAllAsync(cancellationToken))
        {
            streamed.AddRange(itemResults);
            foreach (var result in itemResults)
            {
                await JsonSerializer.SerializeAsync(stream, result, json, cancellationToken);
                await stream.WriteAsync(newline, cancellationToken);
            }

            if (channel.Reader.Count == 0)
            {
                await stream.FlushAsync(cancellationToken);
            }
        }

        await producer;
        return streamed;
    }

    private static bool WantsNdjson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(BatchRequest.NdjsonType, StringComparison.OrdinalIgnoreCase));

    // A body that does not read, or items that do not validate, answer 400 naming the fields and the first bad item's index.
    private static ValidationProblem? Invalid(BatchRequest request, FluentValidation.Results.ValidationResult result)
    {
        if (request.ReadError is { } readError)
        {
            var field = readError.Index is { } i ? $"items[{i}]" : "body";
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [readError.Message] },
                extensions: readError.Index is { } index ? new Dictionary<string, object?> { ["index"] = index } : null);
        }

        if (result.IsValid)
        {
            return null;
        }

        var errors = result.Errors.ToFieldErrors();
        var firstBad = errors.Keys
            .Select(k => k.StartsWith("items[", StringComparison.Ordinal) && int.TryParse(k.AsSpan(6, k.IndexOf(']', StringComparison.Ordinal) - 6), out var i) ? i : (int?)null)
            .Where(i => i is not null)
            .Min();
        return TypedResults.ValidationProblem(errors, extensions: firstBad is { } bad ? new Dictionary<string, object?> { ["index"] = bad } : null);
    }

    private static ProblemHttpResult JobNotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found", detail: $"There is no job with id {id}.");
}
