using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Match.Api.Scoring;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Match.Api.Jobs;

/// <summary>One résumé of a batch: a stored <c>resumeId</c> or inline <c>text</c> (with an optional <c>ref</c> label), and optionally its own roles.</summary>
public sealed record BatchItemInput(long? ResumeId, string? Text, string? Ref, IReadOnlyList<long>? RoleIds);

/// <summary>
/// Body of POST /batch/score. JSON: <c>{roleIds, items: [...], weights?, explain?, callbackUrl?}</c>. NDJSON
/// (<c>application/x-ndjson</c>): one item a line, with <c>roleIds</c>, <c>explain</c> and <c>callbackUrl</c> in the query.
/// Each item is scored against its own <c>roleIds</c> when it has them, else the batch's.
/// </summary>
public sealed record BatchRequest(
    IReadOnlyList<long>? RoleIds,
    IReadOnlyList<BatchItemInput?>? Items,
    WeightsInput? Weights = null,
    bool Explain = false,
    string? CallbackUrl = null)
{
    public const string NdjsonType = "application/x-ndjson";

    /// <summary>Why the body could not be read, and at which item (NDJSON line, 0-based) when it is one item.</summary>
    internal (int? Index, string Message)? ReadError { get; init; }

    /// <summary>The roles each item is scored against, without repeats.</summary>
    public IReadOnlyList<long> RolesOf(BatchItemInput item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return [.. (item.RoleIds ?? RoleIds ?? []).Distinct()];
    }

    /// <summary>(résumé, role) pairs in the batch.</summary>
    public long Pairs => Items?.Sum(i => i is null ? 0L : RolesOf(i).Count) ?? 0;

    public static async ValueTask<BatchRequest?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals(NdjsonType, StringComparison.OrdinalIgnoreCase))
        {
            return await ReadNdjsonAsync(request, context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        }

        if (request.HasJsonContentType())
        {
            try
            {
                return await request.ReadFromJsonAsync<BatchRequest>(context.RequestAborted)
                    ?? new BatchRequest(null, null) { ReadError = (null, "the body must be a JSON object.") };
            }
            catch (JsonException ex)
            {
                return new BatchRequest(null, null) { ReadError = (ItemIndex(ex.Path), $"the body is not valid JSON for a batch: {ex.Message}") };
            }
        }

        throw new BadHttpRequestException(
            $"Content type '{request.ContentType}' is not supported; send application/json or {NdjsonType}.",
            StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<BatchRequest> ReadNdjsonAsync(HttpRequest request, JsonSerializerOptions json)
    {
        var query = request.Query;
        List<long>? roleIds = null;
        if (query.TryGetValue("roleIds", out var roleValues))
        {
            roleIds = [];
            foreach (var part in roleValues.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var roleId))
                {
                    return new BatchRequest(null, null) { ReadError = (null, $"roleIds must be integers separated by commas; '{part}' is not.") };
                }

                roleIds.Add(roleId);
            }
        }

        var explain = query.TryGetValue("explain", out var explainValue) && bool.TryParse(explainValue, out var e) && e;
        var callbackUrl = query.TryGetValue("callbackUrl", out var callback) ? callback.ToString() : null;
        var items = new List<BatchItemInput?>();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        while (await reader.ReadLineAsync(request.HttpContext.RequestAborted) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                items.Add(JsonSerializer.Deserialize<BatchItemInput>(line, json));
            }
            catch (JsonException ex)
            {
                return new BatchRequest(roleIds, null, null, explain, callbackUrl) { ReadError = (items.Count, $"item {items.Count} is not a valid JSON object: {ex.Message}") };
            }
        }

        return new BatchRequest(roleIds, items, null, explain, callbackUrl);
    }

    // "$.items[12].text" → 12: a JSON error inside an item names that item.
    private static int? ItemIndex(string? path)
    {
        const string prefix = "$.items[";
        if (path is null || !path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = path.IndexOf(']', prefix.Length);
        return end > 0 && int.TryParse(path.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }
}

internal sealed class BatchRequestValidator : AbstractValidator<BatchRequest>
{
    public const int MaxRefLength = 200;

    public BatchRequestValidator(IOptions<JobOptions> jobs)
    {
        RuleFor(r => r.Items).NotNull().WithMessage("items is required.")
            .Must(items => items!.Count > 0).When(r => r.Items is not null).WithMessage("items must hold at least one résumé.");
        RuleForEach(r => r.RoleIds).GreaterThan(0).WithMessage("role ids are positive integers.");
        RuleForEach(r => r.Items).Custom((item, context) =>
        {
            var request = context.InstanceToValidate;
            if (item is null)
            {
                context.AddFailure("an item must be an object with resumeId or text.");
                return;
            }

            if ((item.ResumeId is null) == (item.Text is null))
            {
                context.AddFailure("give exactly one of resumeId or text.");
            }

            if (item.ResumeId is <= 0)
            {
                context.AddFailure("resumeId", "resumeId is a positive integer.");
            }

            if (item.Text is not null && (string.IsNullOrWhiteSpace(item.Text) || item.Text.Length > ScoreRequestValidator.MaxTextLength))
            {
                context.AddFailure("text", $"text must be 1 to {ScoreRequestValidator.MaxTextLength} characters and not blank.");
            }

            if (item.Ref is { Length: > MaxRefLength })
            {
                context.AddFailure("ref", $"ref must be at most {MaxRefLength} characters.");
            }

            if (request.RolesOf(item).Count == 0)
            {
                context.AddFailure("roleIds", "no roles to score against: give roleIds on the batch or on the item.");
            }
            else if (item.RoleIds?.Any(id => id <= 0) == true)
            {
                context.AddFailure("roleIds", "role ids are positive integers.");
            }
        });
        RuleFor(r => r.Weights!).SetValidator(new WeightsInputValidator()).When(r => r.Weights is not null);
        RuleFor(r => r.Weights).Must(WeightsInputValidator.AddUp).WithMessage("weights must not all be 0.");
        RuleFor(r => r.CallbackUrl)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .When(r => r.CallbackUrl is not null)
            .WithMessage("callbackUrl must be an absolute http or https URL.")
            .Must(_ => !string.IsNullOrEmpty(jobs.Value.CallbackSecret))
            .When(r => r.CallbackUrl is not null)
            .WithMessage($"callbacks are not enabled on this server ({JobOptions.Section}:CallbackSecret is not set).");
    }
}
