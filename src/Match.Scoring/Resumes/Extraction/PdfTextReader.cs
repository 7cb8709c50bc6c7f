using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Match.Scoring.Resumes.Extraction;

/// <summary>Reads the text of a PDF with PdfPig, page by page, laid out in reading order by <see cref="PdfPageLayout"/>.</summary>
internal static class PdfTextReader
{
    private static readonly byte[] EndOfFileMarker = "%%EOF"u8.ToArray();

    public static (string Text, int Pages) Read(byte[] content, ResumeExtractionOptions options, ExtractionDeadline deadline)
    {
        // A PDF cut short loses its trailer; PdfPig's lenient parser would otherwise guess at what is left.
        var tail = content.AsSpan(Math.Max(0, content.Length - 2048));
        if (tail.IndexOf(EndOfFileMarker) < 0)
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.Corrupt, "The PDF is truncated: it has no end-of-file marker.");
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.Encrypted, "The PDF is encrypted and needs a password to be read.", ex);
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.Corrupt, "The PDF is damaged and could not be read.", ex);
        }

        using (document)
        {
            int pageCount;
            try
            {
                pageCount = document.NumberOfPages;
            }
            catch (Exception ex) when (IsParseFailure(ex))
            {
                throw new ResumeExtractionException(ResumeExtractionFailure.Corrupt, "The PDF is damaged and could not be read.", ex);
            }

            if (pageCount > options.MaxPages)
            {
                throw new ResumeExtractionException(ResumeExtractionFailure.TooLarge, $"The PDF has {pageCount} pages; at most {options.MaxPages} are read.");
            }

            var text = new StringBuilder();
            for (var number = 1; number <= pageCount; number++)
            {
                deadline.Check();
                IReadOnlyList<Word> words;
                try
                {
                    var page = document.GetPage(number);
                    words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
                }
                catch (PdfDocumentEncryptedException ex)
                {
                    throw new ResumeExtractionException(ResumeExtractionFailure.Encrypted, "The PDF is encrypted and needs a password to be read.", ex);
                }
                catch (Exception ex) when (IsParseFailure(ex))
                {
                    throw new ResumeExtractionException(ResumeExtractionFailure.Corrupt, $"Page {number} of the PDF is damaged and could not be read.", ex);
                }

                foreach (var line in PdfPageLayout.Lines(words, deadline))
                {
                    text.Append(line).Append('\n');
                }

                text.Append('\n');
            }

            return (text.ToString(), pageCount);
        }
    }

    // PdfPig reports malformed input through many exception types; cancellation and our own errors pass through.
    private static bool IsParseFailure(Exception ex) =>
        ex is not (OperationCanceledException or ResumeExtractionException or OutOfMemoryException);
}
