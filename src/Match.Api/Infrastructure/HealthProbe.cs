namespace Match.Api.Infrastructure;

/// <summary>
/// <c>Match.Api --healthcheck [url]</c>: GETs /health/live of a running instance and exits 0 when healthy, 1 otherwise.
/// The container HEALTHCHECK uses it because the runtime image has no curl or wget.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--healthcheck";

    public static bool IsRequested(string[] args) => args is [Flag, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? DefaultUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var url = args.Length > 1 ? new Uri(args[1]) : new Uri($"http://localhost:{port}/health/live");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{url}: {ex.Message}");
            return 1;
        }
    }
}
