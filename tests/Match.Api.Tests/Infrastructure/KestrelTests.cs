using System.Net;
using System.Text;
using Match.Api.Infrastructure;
using Match.Api.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Match.Api.Tests.Infrastructure;

/// <summary>Behaviour that only a real Kestrel server shows: the container health probe and body limits on the wire.</summary>
public sealed class KestrelTests
{
    private static string Address(MatchApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().TrimEnd('/');
    }

    [Fact]
    public async Task The_healthcheck_mode_exits_0_against_a_running_instance_and_1_when_nothing_answers()
    {
        await using var app = new MatchApp();
        var address = Address(app);

        var healthy = await HealthProbe.RunAsync([HealthProbe.Flag, $"{address}/health/live"]);
        await app.DisposeAsync();
        var gone = await HealthProbe.RunAsync([HealthProbe.Flag, $"{address}/health/live"]);

        Assert.Equal(0, healthy);
        Assert.Equal(1, gone);
    }

    [Fact]
    public async Task Kestrel_answers_413_problem_details_for_declared_and_chunked_bodies_over_the_limit()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Limits:MaxPostingBytes"] = "2048" });
        using var client = new HttpClient { BaseAddress = new Uri(Address(app)) };
        client.DefaultRequestHeaders.Add(ApiKeyFormat.HeaderName, app.AdminKey);
        // Kestrel closes a connection whose request body it refused; a pooled reuse of it would race that close.
        client.DefaultRequestHeaders.ConnectionClose = true;
        var large = Encoding.UTF8.GetBytes("Data Engineer\n" + new string('x', 4096));

        using var declared = new ByteArrayContent(large);
        declared.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        var declaredResponse = await client.PostAsync(new Uri("/roles", UriKind.Relative), declared);

        using var chunked = new StreamContent(new MemoryStream(large));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/roles", UriKind.Relative)) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var chunkedResponse = await client.SendAsync(request);

        await declaredResponse.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await chunkedResponse.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
