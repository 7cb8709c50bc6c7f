using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Vml = DocumentFormat.OpenXml.Vml;

namespace Match.Scoring.Tests.Resumes;

/// <summary>Résumé files written by the libraries themselves (PdfPig's builder, OpenXml) or byte by byte for broken cases.</summary>
internal static class ResumeFixtures
{
    /// <summary>A PDF whose pages hold the given lines, top to bottom, one per 16 points, at x = 50.</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(50, y), font);
                y -= 16;
            }
        }

        return builder.Build();
    }

    /// <summary>A one-page PDF with a full-width heading, then two columns whose lines sit at the same heights.</summary>
    public static byte[] TwoColumnPdf(string heading, string[] left, string[] right)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText(heading, 16, new PdfPoint(50, 790), font);
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var y = 750 - (i * 15);
            if (i < left.Length)
            {
                page.AddText(left[i], 10, new PdfPoint(50, y), font);
            }

            if (i < right.Length)
            {
                page.AddText(right[i], 10, new PdfPoint(320, y), font);
            }
        }

        return builder.Build();
    }

    /// <summary>A scanned-looking PDF: a page with drawn shapes only and no text layer.</summary>
    public static byte[] PdfWithoutText()
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(40, 40), 500, 700, 2, fill: true);
        page.DrawLine(new PdfPoint(60, 400), new PdfPoint(500, 400));
        return builder.Build();
    }

    /// <summary>A hand-written PDF with a Standard security handler whose user password is not empty.</summary>
    public static byte[] EncryptedPdf()
    {
        var key = Convert.ToHexString(Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray());
        var other = Convert.ToHexString(Enumerable.Range(0, 32).Select(i => (byte)(255 - (i * 5))).ToArray());
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            "<< /Length 37 >>\nstream\nBT /F1 12 Tf 72 712 Td (Secret) Tj ET\nendstream",
            $"<< /Filter /Standard /V 1 /R 2 /O <{key}> /U <{other}> /P -44 >>",
        ];
        return HandWrittenPdf(objects, "/Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
    }

    private static byte[] HandWrittenPdf(string[] objects, string trailerExtra)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A DOCX with a header, paragraphs, a bulleted list, a table and a text box (DrawingML choice with a VML fallback).</summary>
    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para("Jane Doe | jane@example.com"));
            header.Header.Save();
            var headerId = main.GetIdOfPart(header);

            var body = new Body(
                Para("Summary"),
                Para("Accountant with ten years of practice."),
                Para("Skills"),
                ListItem("General ledger"),
                ListItem("Reconciliations"),
                new Table(
                    new TableRow(Cell("Python"), Cell("SQL")),
                    new TableRow(Cell("Excel"), Cell("SAP"))),
                new Paragraph(new Run(new Text("Anchor paragraph")), TextBoxRun("Text box: Fluent in Spanish")),
                Para("Experience"),
                Para("Company Name July 2011 to November 2012 Accountant"),
                new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId }));
            main.Document = new Document(body);
            main.Document.AddNamespaceDeclaration("wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape");
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph ListItem(string text) => new(
        new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })),
        new Run(new Text(text)));

    private static TableCell Cell(string text) => new(Para(text));

    private static Run TextBoxRun(string text)
    {
        static Picture Box(string content) => new(
            new Vml.Shape(new Vml.TextBox(new TextBoxContent(Para(content)))) { Id = "box", Style = "width:200pt;height:40pt" });

        return new Run(new AlternateContent(
            new AlternateContentChoice(Box(text)) { Requires = "wps" },
            new AlternateContentFallback(Box(text))));
    }

    /// <summary>A zip with a tiny word/document.xml and a part of <paramref name="inflatedBytes"/> zeros that compresses to almost nothing.</summary>
    public static byte[] ZipBomb(long inflatedBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var main = zip.CreateEntry("word/document.xml");
            using (var writer = new StreamWriter(main.Open()))
            {
                writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
            }

            var bomb = zip.CreateEntry("word/media/padding.bin", CompressionLevel.Optimal);
            using var output = bomb.Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                output.Write(zeros, 0, (int)Math.Min(zeros.Length, inflatedBytes - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>An OLE compound file header followed by the stream name Office uses for password-protected documents.</summary>
    public static byte[] EncryptedDocx()
    {
        var bytes = new byte[4096];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(bytes, 1024);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1152);
        return bytes;
    }

    public const string JsonResume = """
        {
          "basics": { "name": "Ana Lima", "label": "Data Engineer", "email": "ana@example.com",
                      "summary": "Builds data pipelines in Python.", "location": { "city": "Lisbon", "countryCode": "PT" } },
          "work": [
            { "name": "Acme", "position": "Data Engineer", "startDate": "2018-03-01", "highlights": ["Moved ETL to Spark"] },
            { "name": "Globex", "position": "Analyst", "startDate": "2015-01", "endDate": "2018-02-28" }
          ],
          "education": [ { "institution": "University of Porto", "area": "Computer Science", "studyType": "Master", "startDate": "2012", "endDate": "2014" } ],
          "skills": [ { "name": "Data", "level": "Senior", "keywords": ["SQL", "Python"] } ],
          "languages": [ { "language": "Portuguese", "fluency": "Native speaker" }, { "language": "English", "fluency": "Fluent" } ]
        }
        """;
}
