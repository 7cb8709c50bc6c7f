using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Match.Scoring.Resumes;
using Match.Scoring.Resumes.Extraction;

namespace Match.Bench.Extraction;

/// <summary>
/// Extraction throughput (documents per second on one core) over the shared résumé PDFs and DOCX written from their text,
/// and per-file word similarity of our PDF text to poppler's pdftotext output.
/// </summary>
internal static class ExtractionBenchmark
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : 10;
        if (SharedData.Require() is not { } shared)
        {
            return 1;
        }

        PinToOneCore();
        var pdfFolder = Path.Combine(shared, "resumes", "pdf");
        var referenceFolder = Path.Combine(shared, "resumes", "pdftotext");
        var pdfs = Directory.GetFiles(pdfFolder, "*.pdf").Order(StringComparer.Ordinal).Select(p => (Name: Path.GetFileNameWithoutExtension(p), Bytes: File.ReadAllBytes(p))).ToList();
        var extractor = new ResumeExtractor(new ResumeExtractionOptions());

        Console.WriteLine($"Extraction benchmark: {pdfs.Count} PDFs from {pdfFolder}, one core, {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("Word similarity of our PDF text to poppler's `pdftotext -layout` (both normalised, split on whitespace):");
        Console.WriteLine("  bag F1     = 2·|A∩B| / (|A|+|B|) over word multisets (order ignored)  ← the acceptance measure");
        Console.WriteLine("  ordered F1 = 2·LCS(A,B) / (|A|+|B|) over word sequences (poppler's layout mode interleaves columns, so this is a lower bound)");
        Console.WriteLine();
        Console.WriteLine($"  {"file",-12} {"pages",5} {"words",6} {"ref",6} {"bag F1",7} {"ordered",8}");
        var bag = new List<double>();
        var ordered = new List<double>();
        var pages = 0;
        var texts = new List<(string Name, string Text)>();
        foreach (var (name, bytes) in pdfs)
        {
            var result = extractor.Extract(bytes, "application/pdf", name + ".pdf");
            var reference = File.ReadAllText(Path.Combine(referenceFolder, name + ".txt"));
            var f1 = WordSimilarity.BagOfWordsF1(result.Text, reference);
            var lcs = WordSimilarity.OrderedF1(result.Text, reference);
            bag.Add(f1);
            ordered.Add(lcs);
            pages += result.PageCount;
            texts.Add((name, result.Text));
            Console.WriteLine($"  {name,-12} {result.PageCount,5} {WordCount(result.Text),6} {WordCount(reference),6} {f1,7:F4} {lcs,8:F4}");
        }

        Console.WriteLine($"  {"mean",-12} {"",5} {"",6} {"",6} {bag.Average(),7:F4} {ordered.Average(),8:F4}");
        Console.WriteLine($"  {"min",-12} {"",5} {"",6} {"",6} {bag.Min(),7:F4} {ordered.Min(),8:F4}");
        Console.WriteLine();

        var docxs = texts.Select(t => (t.Name, Bytes: WriteDocx(t.Text))).ToList();
        Console.WriteLine($"Throughput (single thread, affinity one core, warm-up excluded, ≥ {seconds} s per format):");
        Measure("PDF", pdfs, extractor, "application/pdf", seconds, pages);
        Measure("DOCX", docxs, extractor, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", seconds, docxs.Count);
        return 0;
    }

    private static void Measure(string label, List<(string Name, byte[] Bytes)> documents, ResumeExtractor extractor, string type, double seconds, int pagesPerPass)
    {
        // Warm-up until tiered JIT has settled: at least three passes and three seconds.
        var warmUp = Stopwatch.StartNew();
        for (var pass = 0; pass < 3 || warmUp.Elapsed.TotalSeconds < 3; pass++)
        {
            foreach (var (_, bytes) in documents)
            {
                extractor.Extract(bytes, type, null);
            }
        }

        var passes = 0;
        var watch = Stopwatch.StartNew();
        do
        {
            foreach (var (_, bytes) in documents)
            {
                extractor.Extract(bytes, type, null);
            }

            passes++;
        }
        while (watch.Elapsed.TotalSeconds < seconds);

        watch.Stop();
        var docsPerSecond = passes * documents.Count / watch.Elapsed.TotalSeconds;
        var pagesPerSecond = passes * pagesPerPass / watch.Elapsed.TotalSeconds;
        var perDocMs = watch.Elapsed.TotalMilliseconds / (passes * documents.Count);
        Console.WriteLine($"  {label,-5} {docsPerSecond,8:F1} documents/s  {pagesPerSecond,8:F1} pages/s  {perDocMs,7:F2} ms/document  ({passes} passes of {documents.Count})");
    }

    private static byte[] WriteDocx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in text.Split('\n'))
            {
                body.Append(new Paragraph(new Run(new Text(line) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })));
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static int WordCount(string text) => ResumeText.Normalize(text).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;

    private static void PinToOneCore()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }
    }
}
