using Match.Data;
using Match.Data.Migrations;
using Microsoft.Extensions.Options;

namespace Match.Api.Infrastructure;

/// <summary>Where the SQLite file lives (section <c>Match:Data</c>); a relative folder is relative to the working directory.</summary>
public sealed class DataOptions
{
    public const string Section = "Match:Data";

    public string Folder { get; set; } = "./data";

    public string FileName { get; set; } = "match.db";

    /// <summary>How long a write waits for another writer's lock before failing, in milliseconds.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    public string DatabasePath => Path.GetFullPath(Path.Combine(Folder, FileName));
}

public static class DataSetup
{
    /// <summary>SQLite connection factory and migration runner; stores are registered by their feature.</summary>
    public static IServiceCollection AddMatchData(this IServiceCollection services)
    {
        services.AddOptions<DataOptions>()
            .BindConfiguration(DataOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder), $"{DataOptions.Section}:Folder is required.")
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.FileName) && o.FileName.IndexOfAny(['/', '\\']) < 0,
                $"{DataOptions.Section}:FileName must be a plain file name.")
            .Validate(o => o.BusyTimeoutMilliseconds >= 0, $"{DataOptions.Section}:BusyTimeoutMilliseconds must not be negative.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DataOptions>>().Value;
            return new SqliteConnectionFactory(options.DatabasePath, options.BusyTimeoutMilliseconds);
        });
        services.AddSingleton(sp => new MigrationRunner(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Creates the data folder and database if needed and applies pending migrations before the app serves requests.</summary>
    public static async Task<WebApplication> ApplyMigrationsAsync(this WebApplication app)
    {
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        var applied = await runner.ApplyAsync(app.Lifetime.ApplicationStopping);
        if (applied.Count > 0)
        {
            app.Logger.LogInformation(
                "Applied migrations {Versions} to {DatabasePath}",
                string.Join(", ", applied),
                app.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath);
        }

        return app;
    }
}
