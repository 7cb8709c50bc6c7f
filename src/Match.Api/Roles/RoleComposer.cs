using Match.Data.Roles;
using Match.Scoring.Postings;

namespace Match.Api.Roles;

/// <summary>Turns a role request into the content to store: parses the posting, or types the requirements it was given.</summary>
public sealed class RoleComposer(PostingParser parser, RequirementAnalyzer analyzer)
{
    private const string UntitledRole = "Untitled role";

    /// <summary>Content for a create (<paramref name="current"/> null) or an upsert over <paramref name="current"/>.</summary>
    public RoleContent Compose(IRoleInput input, Role? current)
    {
        ArgumentNullException.ThrowIfNull(input);
        var posting = input.PostingText ?? "";
        var title = input.Title?.Trim();
        var parsed = string.IsNullOrWhiteSpace(posting) ? null : parser.Parse(posting, title);
        title ??= ShortTitle(parsed?.Title);

        IReadOnlyList<Requirement> requirements;
        RequirementsSource source;
        if (input.Requirements is { } supplied)
        {
            requirements = [.. supplied.SelectMany(Analyze)];
            source = RequirementsSource.Supplied;
        }
        else if (current is { Content.RequirementsSource: RequirementsSource.Corrected } && current.Content.PostingText == posting)
        {
            // The ATS re-sent the same posting: a recruiter's corrections to it survive.
            requirements = current.Content.Requirements;
            source = RequirementsSource.Corrected;
        }
        else
        {
            requirements = [.. parsed!.Requirements.Where(r => !string.IsNullOrWhiteSpace(r.Text))];
            source = RequirementsSource.Parsed;
        }

        var status = input.Status ?? current?.Content.Status ?? RoleStatus.Open;
        return new RoleContent(title, status, posting, requirements, source);
    }

    /// <summary>A recruiter's list as stored: their level, text and category win; attributes they leave out are read from the text.</summary>
    public IReadOnlyList<Requirement> Correct(IEnumerable<CorrectedRequirement> corrected) =>
        [.. corrected.Select(c =>
        {
            var typed = analyzer.Type(c.Level!.Value, c.Text!);
            return typed with { Category = c.Category ?? typed.Category, Attributes = c.Attributes ?? typed.Attributes };
        })];

    // A supplied line may hold several requirements ("Python and SQL; 5+ years"); one the analyzer calls noise is kept as written.
    private IEnumerable<Requirement> Analyze(RequirementInput input)
    {
        var level = input.Level!.Value;
        var found = analyzer.Analyze(level, input.Text!);
        var requirements = found.Count > 0 ? found : [analyzer.Type(level, input.Text!)];
        return input.Category is { } category ? requirements.Select(r => r with { Category = category }) : requirements;
    }

    private static string ShortTitle(string? parsedTitle)
    {
        var title = parsedTitle?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            return UntitledRole;
        }

        return title.Length <= RoleInputValidator.MaxTitleLength ? title : title[..RoleInputValidator.MaxTitleLength].TrimEnd();
    }
}
