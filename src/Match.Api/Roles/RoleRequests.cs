using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Match.Data.Roles;
using Match.Scoring.Postings;
using Microsoft.Net.Http.Headers;

namespace Match.Api.Roles;

/// <summary>What a role write says about the role; shared by POST /roles and PUT /roles/{externalId}.</summary>
public interface IRoleInput
{
    /// <summary>Title; when absent it is read from the posting.</summary>
    string? Title { get; }

    /// <summary>Open or closed; when absent a new role is open and an existing one keeps its status.</summary>
    RoleStatus? Status { get; }

    /// <summary>The raw posting; parsed into requirements unless <see cref="Requirements"/> is given.</summary>
    string? PostingText { get; }

    /// <summary>Structured requirements; when given they are used instead of parsing the posting.</summary>
    IReadOnlyList<RequirementInput>? Requirements { get; }
}

/// <summary>One structured requirement as an ATS sends it; <see cref="Category"/> overrides the category Match infers.</summary>
public sealed record RequirementInput(RequirementLevel? Level, string? Text, RequirementCategory? Category = null);

/// <summary>Body of POST /roles: JSON, or a <c>text/plain</c> posting.</summary>
public sealed record CreateRoleRequest(
    string? ExternalId,
    string? Title,
    RoleStatus? Status,
    string? PostingText,
    IReadOnlyList<RequirementInput>? Requirements) : IRoleInput
{
    public static ValueTask<CreateRoleRequest?> BindAsync(HttpContext context) =>
        RoleBody.ReadAsync(context, text => new CreateRoleRequest(null, null, null, text, null));
}

/// <summary>Body of PUT /roles/{externalId}: JSON, or a <c>text/plain</c> posting. The external id comes from the path.</summary>
public sealed record UpsertRoleRequest(
    string? Title,
    RoleStatus? Status,
    string? PostingText,
    IReadOnlyList<RequirementInput>? Requirements) : IRoleInput
{
    public static ValueTask<UpsertRoleRequest?> BindAsync(HttpContext context) =>
        RoleBody.ReadAsync(context, text => new UpsertRoleRequest(null, null, text, null));
}

/// <summary>A recruiter's version of one requirement; attributes left out are read from the text.</summary>
public sealed record CorrectedRequirement(
    RequirementLevel? Level,
    string? Text,
    RequirementCategory? Category = null,
    RequirementAttributes? Attributes = null);

/// <summary>Body of PUT /roles/{id}/requirements: the complete corrected list, in order.</summary>
public sealed record CorrectRequirementsRequest(IReadOnlyList<CorrectedRequirement>? Requirements);

/// <summary>Body of PUT /roles/{id}/status.</summary>
public sealed record SetStatusRequest(RoleStatus? Status);

/// <summary>Query of GET /roles: filters and a window of at most 100 roles. <c>status</c> is "open" or "closed", any case.</summary>
public sealed record RoleListQuery(string? Title, string? Status, string? ExternalId, int? Offset, int? Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    // Query enums are parsed here, not by binding, so any case works and a bad value is a field error.
    public RoleStatus? ParsedStatus => Enum.TryParse<RoleStatus>(Status, ignoreCase: true, out var status) ? status : null;
}

/// <summary>External ids travel in URLs, so they are 1–128 characters of letters, digits and <c>. _ ~ : @ -</c>.</summary>
public static partial class ExternalIds
{
    public const string Rule = "must be 1-128 characters of letters, digits and . _ ~ : @ -";

    public static bool IsValid(string? externalId) => externalId is not null && Pattern().IsMatch(externalId);

    [GeneratedRegex("^[A-Za-z0-9._~:@-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

internal sealed class RoleInputValidator : AbstractValidator<IRoleInput>
{
    public const int MaxTitleLength = 300;
    public const int MaxRequirements = 200;
    public const int MaxRequirementLength = 2000;

    public RoleInputValidator()
    {
        RuleFor(r => r.Title)
            .Must(t => t is null || !string.IsNullOrWhiteSpace(t)).WithMessage("title must not be blank when given.")
            .MaximumLength(MaxTitleLength);
        RuleFor(r => r.PostingText)
            .Must(t => !string.IsNullOrWhiteSpace(t)).When(r => r.Requirements is null)
            .WithMessage("postingText is required unless requirements are given.");
        RuleFor(r => r.Title)
            .NotNull().When(r => r.Requirements is not null && string.IsNullOrWhiteSpace(r.PostingText))
            .WithMessage("title is required when there is no postingText to read it from.");
        RuleFor(r => r.Requirements)
            .Must(list => list!.Count is > 0 and <= MaxRequirements).When(r => r.Requirements is not null)
            .WithMessage($"requirements must hold 1 to {MaxRequirements} items.");
        RuleForEach(r => r.Requirements).ChildRules(requirement =>
        {
            requirement.RuleFor(q => q.Level).NotNull().WithMessage("level is required (minimum or preferred).");
            requirement.RuleFor(q => q.Text).NotEmpty().MaximumLength(MaxRequirementLength);
        });
    }
}

internal sealed class CreateRoleRequestValidator : AbstractValidator<CreateRoleRequest>
{
    public CreateRoleRequestValidator()
    {
        RuleFor(r => r.ExternalId)
            .Must(ExternalIds.IsValid).When(r => r.ExternalId is not null)
            .WithMessage($"externalId {ExternalIds.Rule}.");
        Include(new RoleInputValidator());
    }
}

internal sealed class UpsertRoleRequestValidator : AbstractValidator<UpsertRoleRequest>
{
    public UpsertRoleRequestValidator() => Include(new RoleInputValidator());
}

internal sealed class CorrectRequirementsRequestValidator : AbstractValidator<CorrectRequirementsRequest>
{
    public CorrectRequirementsRequestValidator()
    {
        RuleFor(r => r.Requirements)
            .NotNull().WithMessage("requirements is required (an empty list removes them all).")
            .Must(list => list is null || list.Count <= RoleInputValidator.MaxRequirements)
            .WithMessage($"requirements must hold at most {RoleInputValidator.MaxRequirements} items.");
        RuleForEach(r => r.Requirements).ChildRules(requirement =>
        {
            requirement.RuleFor(q => q.Level).NotNull().WithMessage("level is required (minimum or preferred).");
            requirement.RuleFor(q => q.Text).NotEmpty().MaximumLength(RoleInputValidator.MaxRequirementLength);
            requirement.RuleFor(q => q.Attributes!).ChildRules(attributes =>
            {
                attributes.RuleFor(a => a.MinYears).InclusiveBetween(0, 60).When(a => a.MinYears is not null);
                attributes.RuleFor(a => a.DegreeFields).NotNull();
                attributes.RuleFor(a => a.Skills).NotNull();
                attributes.RuleFor(a => a.Languages).NotNull();
                attributes.RuleFor(a => a.Certifications).NotNull();
            }).When(q => q.Attributes is not null);
        });
    }
}

internal sealed class SetStatusRequestValidator : AbstractValidator<SetStatusRequest>
{
    public SetStatusRequestValidator() => RuleFor(r => r.Status).NotNull().WithMessage("status is required (open or closed).");
}

internal sealed class RoleListQueryValidator : AbstractValidator<RoleListQuery>
{
    public RoleListQueryValidator()
    {
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, RoleListQuery.MaxLimit);
        RuleFor(q => q.Title).MaximumLength(RoleInputValidator.MaxTitleLength);
        RuleFor(q => q.Status)
            .Must(s => s is null || (!int.TryParse(s, out _) && Enum.TryParse<RoleStatus>(s, ignoreCase: true, out _)))
            .WithMessage("status must be open or closed.");
        RuleFor(q => q.ExternalId).Must(ExternalIds.IsValid).When(q => q.ExternalId is not null).WithMessage($"externalId {ExternalIds.Rule}.");
    }
}

/// <summary>Reads a role body: JSON into the request type, or <c>text/plain</c> as the posting; anything else is 415.</summary>
internal static class RoleBody
{
    public static async ValueTask<T?> ReadAsync<T>(HttpContext context, Func<string, T> fromPostingText)
        where T : class
    {
        var request = context.Request;
        if (request.HasJsonContentType())
        {
            try
            {
                return await request.ReadFromJsonAsync<T>(context.RequestAborted);
            }
            catch (JsonException ex)
            {
                throw new BadHttpRequestException($"The request body is not valid JSON for this endpoint: {ex.Message}", ex);
            }
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body, mediaType.Encoding ?? Encoding.UTF8);
            return fromPostingText(await reader.ReadToEndAsync(context.RequestAborted));
        }

        throw new BadHttpRequestException(
            string.IsNullOrEmpty(request.ContentType)
                ? "The request has no Content-Type; send application/json or text/plain."
                : $"Content type '{request.ContentType}' is not supported; send application/json or text/plain.",
            StatusCodes.Status415UnsupportedMediaType);
    }
}
