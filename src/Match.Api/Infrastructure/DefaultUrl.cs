namespace Match.Api.Infrastructure;

/// <summary>The service listens on http://localhost:5080 unless URLs or ports are configured (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls, Kestrel:Endpoints).</summary>
public static class DefaultUrl
{
    public const int Port = 5080;

    public static WebApplicationBuilder UseMatchDefaultUrl(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrEmpty(configuration["urls"])
            || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls($"http://localhost:{Port}");
        }

        return builder;
    }
}
