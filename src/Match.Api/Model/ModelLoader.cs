namespace Match.Api.Model;

/// <summary>Starts loading the model as the service starts (without holding start-up), then watches for newer saved versions.</summary>
public sealed partial class ModelLoader(ModelHost host, Microsoft.Extensions.Options.IOptions<ModelOptions> options, ILogger<ModelLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.LoadOnStart)
        {
            _ = host.EnsureLoadedAsync();
        }

        if (settings.ReloadInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.ReloadInterval);
        while (await Tick(timer, stoppingToken))
        {
            try
            {
                host.ReloadIfNewer();
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                LogReloadFailed(ex);
            }
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A newer saved model could not be loaded; still serving the current one")]
    private partial void LogReloadFailed(Exception exception);
}
