using System.Text.Json;
using Match.Api.Tests.Roles;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Match.Api.Tests.Browser;

/// <summary>
/// Swagger UI in headless Debian chromium (never a downloaded browser): authorize with a key, create a role from the example
/// posting, score the example résumé against it, see the result, and keep a screenshot under the test output folder.
/// </summary>
public sealed class SwaggerUiTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Authorize_create_a_role_from_the_example_and_score_the_example_resume_in_swagger_ui()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (test.sh and .ci/run do it).");
        await using var app = new MatchApp();
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var profile = Directory.CreateTempSubdirectory("match-chromium-");
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        try
        {
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            Assertions.SetDefaultExpectTimeout(60_000);
            await page.GotoAsync($"{address}/swagger/index.html");

            // Authorize: the ApiKey scheme's dialog takes the key; Swagger UI then sends it as X-Api-Key.
            await page.Locator("button.btn.authorize").First.ClickAsync();
            var dialog = page.Locator(".modal-ux");
            await dialog.Locator("input").First.FillAsync(app.AdminKey);
            await dialog.Locator("button.authorize").ClickAsync();
            await dialog.Locator("button.btn-done").ClickAsync();
            await Assertions.Expect(page.Locator("button.btn.authorize.locked").First).ToBeVisibleAsync();

            // POST /roles with the example posting, as it stands in the body editor.
            var create = Operation(page, "post", "/roles");
            await create.Locator(".opblock-summary").ClickAsync();
            await Assertions.Expect(create.Locator("textarea.body-param__text")).ToContainTextAsync("Minimum qualifications");
            await create.Locator("button.execute").ClickAsync();
            await Assertions.Expect(create.Locator(".live-responses-table tr.response td.response-col_status")).ToContainTextAsync("201");
            var role = JsonDocument.Parse(await create.Locator(".live-responses-table .response-col_description pre.microlight").First.InnerTextAsync()).RootElement;
            Assert.Equal("Senior Data Engineer", role.Str("title"));
            Assert.NotEmpty(role.Requirements());
            await create.Locator(".opblock-summary").ClickAsync();

            // POST /roles/{id}/score with the example résumé.
            var score = Operation(page, "post", "/roles/{id}/score");
            await score.Locator(".opblock-summary").ClickAsync();
            await score.Locator("tr[data-param-name='id'] input").FillAsync(role.Id().ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(score.Locator("textarea.body-param__text")).ToContainTextAsync("Jordan Avery");
            await score.Locator("button.execute").ClickAsync();
            await Assertions.Expect(score.Locator(".live-responses-table tr.response td.response-col_status")).ToContainTextAsync("200");
            var result = JsonDocument.Parse(await score.Locator(".live-responses-table .response-col_description pre.microlight").First.InnerTextAsync()).RootElement;
            var shot = Path.Combine(screenshots.FullName, "swagger-score.png");
            await score.Locator(".live-responses-table").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });

            Assert.Equal(role.Id(), result.GetProperty("roleId").GetInt64());
            Assert.InRange(result.GetProperty("score").GetDouble(), 0, 100);
            Assert.True(new FileInfo(shot).Length > 10_000, "the screenshot is missing or blank");
        }
        finally
        {
            await browser.CloseAsync();
            profile.Delete(recursive: true);
        }
    }

    private static ILocator Operation(IPage page, string method, string path) =>
        page.Locator($".opblock.opblock-{method}:has(.opblock-summary-path[data-path='{path}'])");
}
