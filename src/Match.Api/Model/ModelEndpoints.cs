using Match.Api.Infrastructure;
using Match.Api.Security;
using Match.Data.Keys;
using Match.Scoring.Matching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Match.Api.Model;

/// <summary>The model in use: version, when it was fitted, on how much text, with which options.</summary>
public sealed record ModelResponse(
    string Version,
    DateTimeOffset CreatedAt,
    int CorpusSize,
    int Dimension,
    int ActiveTerms,
    int Occupations,
    MatchModelOptions Options)
{
    public static ModelResponse From(ModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new(info.Version, info.CreatedAt, info.CorpusSize, info.Dimension, info.ActiveTerms, info.Occupations, info.Options);
    }
}

public static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModel(this IEndpointRouteBuilder app)
    {
        var model = app.MapGroup("/model").WithTags("Model").WithIdempotency();

        model.MapGet("/", Get).WithSummary("Get the model in use");
        model.MapPost("/refit", Refit).RequireScope(ApiScope.Admin).WithSummary("Fit a new model version and swap it in (admin)");

        return app;
    }

    /// <summary>The model in use (waits for the first load when the service has just started).</summary>
    private static async Task<Ok<ModelResponse>> Get(ModelHost host, CancellationToken cancellationToken) =>
        TypedResults.Ok(ModelResponse.From((await host.GetAsync(cancellationToken)).Info));

    /// <summary>Admin: fits a new version on the stored roles and résumés and swaps it in; requests in flight finish on the old one.</summary>
    private static async Task<Ok<ModelResponse>> Refit(ModelHost host, CancellationToken cancellationToken) =>
        TypedResults.Ok(ModelResponse.From((await host.RefitAsync(cancellationToken)).Info));
}
