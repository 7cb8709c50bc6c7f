using Match.Api.Infrastructure;
using Match.Data.Migrations;

namespace Match.Api.Model;

/// <summary>
/// <c>Match.Api model refit [--Match:Data:Folder=...]</c>: fits a new model version on the stored corpus and saves it beside the
/// others; a running service swaps it in at its next reload check (<c>Match:Model:ReloadInterval</c>).
/// </summary>
public static class ModelCommand
{
    public static bool IsRequested(string[] args) => args is ["model", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not [_, "refit", ..])
        {
            await Console.Error.WriteLineAsync("usage: Match.Api model refit [--Match:Data:Folder=<folder>] [--Match:Model:OccupationTitlesPath=<file>]");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(args[2..]);
        builder.Services.AddMatchData();
        builder.Services.AddModelHosting();
        using var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
        var models = host.Services.GetRequiredService<ModelHost>();
        var model = await models.FitAndSaveAsync();
        var info = model.Info;
        Console.WriteLine($"model {info.Version}: {info.CorpusSize} documents, {info.ActiveTerms} active terms, {info.Occupations} occupations");
        Console.WriteLine($"saved in {Path.Combine(models.ModelsFolder, info.Version)}");
        return 0;
    }
}
