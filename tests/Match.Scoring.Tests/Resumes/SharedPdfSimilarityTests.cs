using Match.Scoring.Resumes.Extraction;
using Xunit.Abstractions;

namespace Match.Scoring.Tests.Resumes;

/// <summary>Our PDF text against poppler's pdftotext for the real résumé PDFs in ../shared (skipped when that folder is absent).</summary>
public class SharedPdfSimilarityTests(ITestOutputHelper output)
{
    [Fact]
    public void Pdf_text_matches_poppler_word_for_word_on_the_shared_resumes()
    {
        var shared = SharedData.File("resumes") is { } r && Directory.Exists(Path.Combine(r, "pdf")) && Directory.Exists(Path.Combine(r, "pdftotext")) ? r : null;
        if (shared is null)
        {
            output.WriteLine("../shared/resumes not found: nothing to compare against.");
            return;
        }

        var extractor = new ResumeExtractor(new ResumeExtractionOptions());
        var scores = new List<(string File, double F1)>();
        foreach (var pdf in Directory.GetFiles(Path.Combine(shared, "pdf"), "*.pdf"))
        {
            var name = Path.GetFileNameWithoutExtension(pdf);
            var text = extractor.Extract(File.ReadAllBytes(pdf), "application/pdf", name + ".pdf").Text;
            var reference = File.ReadAllText(Path.Combine(shared, "pdftotext", name + ".txt"));
            scores.Add((name, WordSimilarity.BagOfWordsF1(text, reference)));
        }

        var mean = scores.Average(s => s.F1);
        var worst = scores.MinBy(s => s.F1);
        output.WriteLine($"{scores.Count} PDFs: mean bag-of-words F1 {mean:F4}, min {worst.F1:F4} ({worst.File})");
        Assert.Equal(48, scores.Count);
        Assert.True(mean >= 0.95, $"mean word F1 {mean:F4} < 0.95");
        Assert.True(worst.F1 >= 0.85, $"{worst.File}: word F1 {worst.F1:F4} < 0.85");
    }

    [Theory]
    [InlineData("a b c", "a b c", 1.0)]
    [InlineData("a b c d", "a b", 2.0 * 2 / 6)]
    [InlineData("a a b", "a b b", 2.0 * 2 / 6)]
    [InlineData("x y", "p q", 0.0)]
    [InlineData("", "", 1.0)]
    public void Bag_of_words_f1_is_the_multiset_overlap(string a, string b, double expected) =>
        Assert.Equal(expected, WordSimilarity.BagOfWordsF1(a, b), 6);

    [Fact]
    public void Ordered_f1_penalises_a_different_order_that_bag_f1_ignores()
    {
        Assert.Equal(1.0, WordSimilarity.BagOfWordsF1("a b c d", "c d a b"), 6);
        Assert.Equal(0.5, WordSimilarity.OrderedF1("a b c d", "c d a b"), 6);
    }
}
