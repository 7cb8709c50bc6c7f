using System.Diagnostics;
using System.Text.Json;
using Match.Scoring.Skills;
using Xunit.Abstractions;

namespace Match.Scoring.Tests.Skills;

/// <summary>Imports the real ESCO and O*NET samples from ../shared/taxonomy and measures FindSkills on the dev résumés; returns early when the shared data is absent.</summary>
public class TaxonomySampleTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<SkillEntry>?> Esco = new(() =>
        SharedData.File("taxonomy", "esco_skills_en.csv") is { } path ? EscoSkillsImporter.ReadFile(path) : null);

    private static readonly Lazy<IReadOnlyList<SkillEntry>?> Onet = new(() =>
        SharedData.File("taxonomy", "onet_technology_skills.txt") is { } path ? OnetTechnologySkillsImporter.ReadFile(path) : null);

    [Fact]
    public void Esco_sample_imports_more_than_ten_thousand_skills()
    {
        if (Esco.Value is not { } esco)
        {
            output.WriteLine("shared/taxonomy/esco_skills_en.csv not found; nothing to check.");
            return;
        }

        Assert.True(esco.Count > 10_000, $"{esco.Count} entries");
        Assert.Contains(esco, e => e.Canonical == "Haskell");
        Assert.All(esco, e => Assert.False(string.IsNullOrWhiteSpace(e.Canonical)));
        output.WriteLine($"ESCO: {esco.Count} skills, {esco.Sum(e => e.Aliases.Count)} aliases");
    }

    [Fact]
    public void Onet_sample_imports_more_than_five_thousand_examples()
    {
        if (Onet.Value is not { } onet)
        {
            output.WriteLine("shared/taxonomy/onet_technology_skills.txt not found; nothing to check.");
            return;
        }

        Assert.True(onet.Count > 5_000, $"{onet.Count} entries");
        Assert.Contains(onet, e => e.Canonical == "Microsoft Excel" && e.Group == "Spreadsheet software");
        output.WriteLine($"O*NET: {onet.Count} distinct examples");
    }

    [Fact]
    public void Merged_vocabulary_finds_built_in_and_imported_skills()
    {
        if (Esco.Value is not { } esco || Onet.Value is not { } onet)
        {
            output.WriteLine("shared/taxonomy samples not found; nothing to check.");
            return;
        }

        var merged = BuiltInSkills.CreateWith(esco, onet);
        var found = merged.FindSkills(
            "Deployed services on k8s with Python; wrote Haskell tools; used Atlassian JIRA and Blackbaud The Raiser's Edge; " +
            "able to perform phlebotomy; presented to the C-suite.")
            .Select(m => m.Canonical).ToArray();

        Assert.Contains("Kubernetes", found);
        Assert.Contains("Python", found);
        Assert.Contains("Haskell", found);
        Assert.Contains("Jira", found);
        Assert.Contains("Blackbaud The Raiser's Edge", found);
        Assert.Contains(found, c => c.Contains("phlebotomy", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("C", found);
        Assert.Equal("Kubernetes", merged.Canonicalize("k8s"));
        Assert.Equal("Excel", merged.Canonicalize("Microsoft Excel"));
        Assert.True(merged.Count > BuiltInSkills.Create().Count + 15_000, $"{merged.Count} skills");
        output.WriteLine($"merged vocabulary: {merged.Count} canonical skills");
    }

    [Fact]
    public void Throughput_on_the_dev_resumes()
    {
        if (SharedData.File("eval", "dev", "resumes.jsonl") is not { } path)
        {
            output.WriteLine("shared/eval/dev/resumes.jsonl not found; nothing to measure.");
            return;
        }

        var resumes = File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "").ToArray();
        var kilobytes = resumes.Sum(r => System.Text.Encoding.UTF8.GetByteCount(r)) / 1024.0;

        var vocabularies = new List<(string Name, SkillVocabulary Vocabulary)> { ("built-in", BuiltInSkills.Create()) };
        if (Esco.Value is { } esco && Onet.Value is { } onet)
        {
            var build = Stopwatch.StartNew();
            vocabularies.Add(("built-in + ESCO + O*NET", BuiltInSkills.CreateWith(esco, onet)));
            output.WriteLine($"merged vocabulary built in {build.ElapsedMilliseconds} ms");
        }

        foreach (var (name, vocabulary) in vocabularies)
        {
            var mentions = resumes.Sum(r => vocabulary.FindSkills(r).Count);  // warm-up
            var clock = Stopwatch.StartNew();
            const int rounds = 3;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var resume in resumes)
                {
                    vocabulary.FindSkills(resume);
                }
            }

            var seconds = clock.Elapsed.TotalSeconds / rounds;
            var withSkills = resumes.Count(r => vocabulary.FindSkills(r).Count > 0);
            output.WriteLine(
                $"{name}: {vocabulary.Count} skills; {resumes.Length} résumés, {kilobytes:F0} KB in {seconds * 1000:F0} ms = {kilobytes / seconds:F0} KB/s " +
                $"({seconds * 1000 / kilobytes:F3} ms per KB); {mentions} mentions; {withSkills} résumés with at least one skill");
            Assert.True(withSkills > resumes.Length * 0.95, $"{name}: only {withSkills} of {resumes.Length} résumés have a skill");
        }
    }
}
