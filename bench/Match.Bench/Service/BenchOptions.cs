using System.Globalization;

namespace Match.Bench.Service;

/// <summary>
/// Options shared by the HTTP benchmarks: <c>--url</c> (default http://127.0.0.1:5080), <c>--key</c> (or MATCH_API_KEY), and
/// numeric settings given as <c>--name value</c>.
/// </summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private BenchOptions()
    {
    }

    public Uri Url => new(Get("url") ?? "http://127.0.0.1:5080");

    public string? Key => Get("key") ?? Environment.GetEnvironmentVariable("MATCH_API_KEY");

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public int Int(string name, int fallback) => Get(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                options._values[name[..eq]] = name[(eq + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                options._values[name] = args[++i];
            }
        }

        return options;
    }

    public HttpClient Client(int connections)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = Url, Timeout = TimeSpan.FromMinutes(5) };
        if (Key is { } key)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }
}
