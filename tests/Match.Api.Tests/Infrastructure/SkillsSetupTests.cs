using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Match.Api.Tests.Infrastructure;

public class SkillsSetupTests
{
    [Fact]
    public async Task An_imported_onet_technology_skills_file_extends_the_vocabulary_roles_are_read_with()
    {
        var onet = Path.Combine(Path.GetTempPath(), $"onet-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(onet, "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
            + "13-2011.00\tZorblax Ledger Suite\t43231604\tFinancial analysis software\tN\tN\n");
        try
        {
            var posting = "Accountant\nMinimum qualifications:\nExperience with Zorblax Ledger Suite.\n";
            var without = await RequirementSkillsAsync(new Dictionary<string, string?>(), posting);
            var with = await RequirementSkillsAsync(new Dictionary<string, string?> { ["Match:Skills:OnetTechnologySkillsPath"] = onet }, posting);

            Assert.DoesNotContain("Zorblax Ledger Suite", without);
            Assert.Contains("Zorblax Ledger Suite", with);
        }
        finally
        {
            File.Delete(onet);
        }
    }

    [Fact]
    public async Task A_configured_skills_file_that_does_not_exist_stops_the_app_at_start_up()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Skills:EscoCsvPath"] = "/nonexistent/esco.csv" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("EscoCsvPath", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> RequirementSkillsAsync(IReadOnlyDictionary<string, string?> settings, string posting)
    {
        await using var app = new MatchApp(settings);
        using var client = app.CreateClient();
        var created = await client.PostAsJsonAsync("/roles", new { postingText = posting });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var role = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return role.RootElement.GetProperty("requirements").EnumerateArray()
            .SelectMany(r => r.GetProperty("attributes").GetProperty("skills").EnumerateArray().Select(s => s.GetString()!))
            .ToList();
    }
}
