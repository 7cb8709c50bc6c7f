using Match.Api.Infrastructure;
using Match.Data;
using Match.Data.Keys;
using Match.Data.Migrations;

namespace Match.Api.Security;

/// <summary>
/// <c>Match.Api keys create --name NAME --scope read|write|admin</c>, <c>keys list</c>, <c>keys revoke KEY_ID</c>: manage API keys in
/// the configured database without starting the server. Other arguments (<c>--Match:Data:Folder=…</c>) configure it as they would the server.
/// </summary>
public static class KeyCommands
{
    public const string Verb = "keys";

    private const string Usage = """
        usage: keys create --name NAME --scope read|write|admin
               keys list
               keys revoke KEY_ID
        """;

    public static bool IsRequested(string[] args) => args is [Verb, ..];

    /// <summary>Runs the command; 0 on success, 1 when the key to revoke does not exist, 2 on a usage error.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var command, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        // The same configuration sources as the server (appsettings, environment, command line), so the same data folder.
        var builder = WebApplication.CreateBuilder(command.HostArgs);
        builder.Logging.ClearProviders();
        builder.Services.AddMatchData();
        builder.Services.AddMatchSecurity();
        await using var app = builder.Build();
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
        var keys = app.Services.GetRequiredService<ApiKeys>();
        var database = app.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;

        switch (command.Action)
        {
            case "create":
                var created = await keys.CreateAsync(command.Name!, command.Scope!.Value);
                await output.WriteLineAsync(
                    $"Created {StoredJson.Name(created.Stored.Scope)} key \"{created.Stored.Name}\" (id {created.Stored.KeyId}) in {database}.");
                await output.WriteLineAsync("Send it as the X-Api-Key header. It is shown only now:");
                await output.WriteLineAsync(created.Key);
                return 0;
            case "list":
                foreach (var key in await keys.ListAsync())
                {
                    var state = key.RevokedAt is { } revoked ? $"revoked {revoked:O}" : "active";
                    await output.WriteLineAsync($"{key.KeyId}  {StoredJson.Name(key.Scope),-5}  {state,-40}  {key.Name}");
                }

                return 0;
            default:
                if (await keys.RevokeAsync(command.KeyId!) is null)
                {
                    await error.WriteLineAsync($"No key with id {command.KeyId}.");
                    return 1;
                }

                await output.WriteLineAsync($"Revoked key {command.KeyId}.");
                return 0;
        }
    }

    private sealed record Command(string Action, string? Name, ApiScope? Scope, string? KeyId, string[] HostArgs);

    private static bool TryParse(string[] args, out Command command, out string problem)
    {
        command = new Command("", null, null, null, []);
        problem = "";
        if (args.Length < 2 || args[1] is not ("create" or "list" or "revoke"))
        {
            problem = "Say create, list or revoke.";
            return false;
        }

        string? name = null, scope = null, keyId = null;
        var hostArgs = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--name" when i + 1 < args.Length:
                    name = args[++i];
                    break;
                case "--scope" when i + 1 < args.Length:
                    scope = args[++i];
                    break;
                case var positional when args[1] == "revoke" && keyId is null && !positional.StartsWith('-'):
                    keyId = positional;
                    break;
                default:
                    hostArgs.Add(args[i]);
                    break;
            }
        }

        ApiScope? parsed = scope?.ToUpperInvariant() switch
        {
            "READ" => ApiScope.Read,
            "WRITE" => ApiScope.Write,
            "ADMIN" => ApiScope.Admin,
            _ => null,
        };
        if (args[1] == "create" && !ApiKeys.IsValidName(name))
        {
            problem = $"--name is required: 1-{ApiKeys.MaxNameLength} characters.";
        }
        else if (args[1] == "create" && parsed is null)
        {
            problem = "--scope is required: read, write or admin.";
        }
        else if (args[1] == "revoke" && keyId is null)
        {
            problem = "Say which key to revoke (its id, as keys list shows it).";
        }

        command = new Command(args[1], name, args[1] == "create" ? parsed : null, keyId, [.. hostArgs]);
        return problem.Length == 0;
    }
}
