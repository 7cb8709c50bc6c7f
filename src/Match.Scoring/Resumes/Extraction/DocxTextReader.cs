using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Match.Scoring.Resumes.Extraction;

/// <summary>Reads a DOCX with DocumentFormat.OpenXml: headers, then body paragraphs, lists, tables and text boxes in document order, then footers.</summary>
internal static class DocxTextReader
{
    public const string MainDocumentEntry = "word/document.xml";

    /// <summary>Checks the package inflates within the limits, counting real bytes rather than trusting the zip's declared sizes.</summary>
    public static void CheckPackage(byte[] content, ResumeExtractionOptions options, ExtractionDeadline deadline)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxZipEntries)
            {
                throw ZipBomb($"The DOCX holds {zip.Entries.Count} parts; at most {options.MaxZipEntries} are accepted.");
            }

            if (zip.Entries.Sum(e => e.Length) > options.MaxInflatedBytes)
            {
                throw ZipBomb("The DOCX inflates past the size limit.");
            }

            if (zip.GetEntry(MainDocumentEntry) is null)
            {
                throw new ResumeExtractionException(ResumeExtractionFailure.Unsupported,
                    "The file is a zip archive but not a Word document (it has no word/document.xml).");
            }

            var buffer = new byte[81920];
            long inflated = 0;
            foreach (var entry in zip.Entries)
            {
                deadline.Check();
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    if (inflated > options.MaxInflatedBytes)
                    {
                        throw ZipBomb("The DOCX inflates past the size limit.");
                    }
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.Corrupt, "The DOCX is damaged or truncated and could not be read.", ex);
        }
    }

    public static string Read(byte[] content, ResumeExtractionOptions options, ExtractionDeadline deadline)
    {
        CheckPackage(content, options, deadline);
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
            var main = document.MainDocumentPart
                ?? throw new ResumeExtractionException(ResumeExtractionFailure.Corrupt, "The DOCX has no main document part.");

            var text = new StringBuilder();
            foreach (var header in Distinct(main.HeaderParts.Select(p => p.Header)))
            {
                deadline.Check();
                text.Append(header).Append('\n');
            }

            if (main.Document?.Body is { } body)
            {
                WriteBlocks(body, text, deadline);
            }

            foreach (var footer in Distinct(main.FooterParts.Select(p => p.Footer)))
            {
                deadline.Check();
                text.Append('\n').Append(footer).Append('\n');
            }

            return text.ToString();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or InvalidOperationException
            or IOException or FileFormatException or NotSupportedException or ArgumentException)
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.Corrupt, "The DOCX is damaged and could not be read.", ex);
        }
    }

    // Word keeps separate first-page, even and default headers that usually repeat one another.
    private static IEnumerable<string> Distinct(IEnumerable<OpenXmlElement?> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (root is null)
            {
                continue;
            }

            var text = new StringBuilder();
            WriteBlocks(root, text, ExtractionDeadline.None);
            var value = text.ToString().Trim();
            if (value.Length > 0 && seen.Add(value))
            {
                yield return value;
            }
        }
    }

    private static void WriteBlocks(OpenXmlElement container, StringBuilder text, ExtractionDeadline deadline)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    WriteParagraph(paragraph, text, deadline);
                    break;
                case Table table:
                    deadline.Check();
                    WriteTable(table, text, deadline);
                    break;
                case AlternateContentFallback:
                    // The fallback repeats the choice (a VML copy of a DrawingML text box).
                    break;
                default:
                    WriteBlocks(child, text, deadline);
                    break;
            }
        }
    }

    private static void WriteTable(Table table, StringBuilder text, ExtractionDeadline deadline)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<TableCell>())
            {
                var cellText = new StringBuilder();
                WriteBlocks(cell, cellText, deadline);
                var value = cellText.ToString().Trim().Replace('\n', ' ');
                if (value.Length > 0)
                {
                    cells.Add(value);
                }
            }

            if (cells.Count > 0)
            {
                text.Append(string.Join(" | ", cells)).Append('\n');
            }
        }
    }

    private static void WriteParagraph(Paragraph paragraph, StringBuilder text, ExtractionDeadline deadline)
    {
        var line = new StringBuilder();
        var textBoxes = new List<OpenXmlElement>();
        WriteInline(paragraph, line, textBoxes);

        var value = line.ToString();
        if (value.Trim().Length > 0)
        {
            if (IsListItem(paragraph))
            {
                text.Append("- ");
            }

            text.Append(value);
        }

        text.Append('\n');

        // A text box reads after the paragraph it is anchored in.
        foreach (var box in textBoxes)
        {
            deadline.Check();
            WriteBlocks(box, text, deadline);
        }
    }

    private static void WriteInline(OpenXmlElement element, StringBuilder line, List<OpenXmlElement> textBoxes)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    line.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    line.Append('\t');
                    break;
                case Break or CarriageReturn:
                    line.Append('\n');
                    break;
                case NoBreakHyphen:
                    line.Append('-');
                    break;
                case TextBoxContent box:
                    textBoxes.Add(box);
                    break;
                case AlternateContentFallback or ParagraphProperties or RunProperties or FieldCode or DeletedText:
                    break;
                default:
                    WriteInline(child, line, textBoxes);
                    break;
            }
        }
    }

    private static bool IsListItem(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.NumberingProperties is not null)
        {
            return true;
        }

        var style = properties?.ParagraphStyleId?.Val?.Value;
        return style is not null && style.StartsWith("List", StringComparison.OrdinalIgnoreCase);
    }

    private static ResumeExtractionException ZipBomb(string message) => new(ResumeExtractionFailure.ZipBomb, message);
}
