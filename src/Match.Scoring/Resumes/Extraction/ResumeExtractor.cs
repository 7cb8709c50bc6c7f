using System.Text.Json;

namespace Match.Scoring.Resumes.Extraction;

/// <summary>
/// Turns an uploaded résumé file into normalised text. The format is decided by the content's signature (%PDF-, a zip with
/// word/document.xml, a JSON Resume object, else text); a declared type the content contradicts is refused. Every failure is a
/// <see cref="ResumeExtractionException"/>; work past <see cref="ResumeExtractionOptions.Timeout"/> is stopped. Thread-safe.
/// </summary>
public sealed class ResumeExtractor
{
    private const int MinimumLetters = 3;

    private static readonly Dictionary<string, ResumeFormat> DeclaredFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ResumeFormat.Pdf,
        ["application/x-pdf"] = ResumeFormat.Pdf,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ResumeFormat.Docx,
        ["text/plain"] = ResumeFormat.Text,
        ["application/json"] = ResumeFormat.JsonResume,
        ["text/json"] = ResumeFormat.JsonResume,
        ["application/vnd.jsonresume+json"] = ResumeFormat.JsonResume,
    };

    private static readonly Dictionary<string, ResumeFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ResumeFormat.Pdf,
        [".docx"] = ResumeFormat.Docx,
        [".txt"] = ResumeFormat.Text,
        [".json"] = ResumeFormat.JsonResume,
    };

    private static readonly string[] GenericTypes = ["application/octet-stream", "binary/octet-stream", "application/x-www-form-urlencoded"];

    private readonly ResumeExtractionOptions _options;

    public ResumeExtractor(ResumeExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The limits this extractor enforces.</summary>
    public ResumeExtractionOptions Options => _options;

    /// <summary>Extracts text from <paramref name="content"/>; <paramref name="declaredContentType"/> and <paramref name="fileName"/> are optional hints checked against the content.</summary>
    /// <exception cref="ResumeExtractionException">The content cannot be read; <see cref="ResumeExtractionException.Kind"/> says why.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public ExtractedResume Extract(byte[] content, string? declaredContentType, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > _options.MaxBytes)
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.TooLarge,
                $"The file is {content.LongLength} bytes; the limit is {_options.MaxBytes} bytes.");
        }

        if (content.Length == 0)
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.NoText, "The file is empty.");
        }

        var deadline = new ExtractionDeadline(_options.Timeout, cancellationToken);
        try
        {
            var (format, decodedText) = Sniff(content);
            CheckDeclared(format, declaredContentType, fileName);
            deadline.Check();

            var (raw, pages) = format switch
            {
                ResumeFormat.Pdf => PdfTextReader.Read(content, _options, deadline),
                ResumeFormat.Docx => (DocxTextReader.Read(content, _options, deadline), 1),
                ResumeFormat.JsonResume => (ReadJsonResume(decodedText!), 1),
                _ => (decodedText!, 1),
            };

            deadline.Check();
            var text = ResumeText.Normalize(raw);
            if (text.Count(char.IsLetter) < MinimumLetters)
            {
                throw new ResumeExtractionException(ResumeExtractionFailure.NoText, format == ResumeFormat.Pdf
                    ? "The PDF has no text layer (it may be a scanned image); no text could be read."
                    : "The file contains no readable text.");
            }

            return new ExtractedResume(text, format, pages);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.Timeout,
                $"Reading the file took longer than the limit of {_options.Timeout.TotalSeconds:0.###} s and was stopped.", ex);
        }
    }

    /// <summary>The format the content's signature says, plus the decoded text for text-based formats.</summary>
    internal static (ResumeFormat Format, string? Text) Sniff(byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            return (ResumeFormat.Pdf, null);
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return (ResumeFormat.Docx, null);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            // Office wraps password-protected DOCX in an OLE compound file holding an "EncryptedPackage" stream.
            var encryptedPackage = System.Text.Encoding.Unicode.GetBytes("EncryptedPackage");
            throw content.AsSpan().IndexOf(encryptedPackage) >= 0
                ? new ResumeExtractionException(ResumeExtractionFailure.Encrypted, "The Word document is password-protected and cannot be read.")
                : new ResumeExtractionException(ResumeExtractionFailure.Unsupported, "Legacy Word (.doc) files are not supported; upload DOCX, PDF or text.");
        }

        if (IsKnownBinary(head, out var what))
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.Unsupported, $"{what} files are not supported; upload PDF, DOCX, text or JSON Resume.");
        }

        var text = PlainTextDecoder.TryDecode(content)
            ?? throw new ResumeExtractionException(ResumeExtractionFailure.Unsupported,
                "The content is binary data in no supported format; upload PDF, DOCX, text or JSON Resume.");

        if (text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal) && IsJsonObject(text, out var isResume))
        {
            return isResume
                ? (ResumeFormat.JsonResume, text)
                : throw new ResumeExtractionException(ResumeExtractionFailure.Unsupported, "The JSON is not a JSON Resume document.");
        }

        return (ResumeFormat.Text, text);
    }

    private static bool IsKnownBinary(ReadOnlySpan<byte> head, out string what)
    {
        (byte[] Signature, string Name)[] signatures =
        [
            ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
            ([0xFF, 0xD8, 0xFF], "JPEG image"),
            ("GIF8"u8.ToArray(), "GIF image"),
            ([0x49, 0x49, 0x2A, 0x00], "TIFF image"),
            ([0x4D, 0x4D, 0x00, 0x2A], "TIFF image"),
            ("{\\rtf"u8.ToArray(), "RTF"),
            ("PK\x05\x06"u8.ToArray(), "Empty zip"),
            ([0x1F, 0x8B], "Gzip"),
        ];
        foreach (var (signature, name) in signatures)
        {
            if (head.StartsWith(signature))
            {
                what = name;
                return true;
            }
        }

        what = string.Empty;
        return false;
    }

    private static bool IsJsonObject(string text, out bool isJsonResume)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true });
            isJsonResume = JsonResumeReader.IsJsonResume(document.RootElement);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            isJsonResume = false;
            return false;
        }
    }

    private static string ReadJsonResume(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true });
        return JsonResumeReader.ToText(document.RootElement);
    }

    private static void CheckDeclared(ResumeFormat actual, string? declaredContentType, string? fileName)
    {
        var mediaType = declaredContentType?.Split(';')[0].Trim();
        ResumeFormat? declared = null;
        var source = "declared content type";
        if (!string.IsNullOrEmpty(mediaType) && !GenericTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            if (!DeclaredFormats.TryGetValue(mediaType, out var fromType))
            {
                throw new ResumeExtractionException(ResumeExtractionFailure.Unsupported,
                    $"Content type '{mediaType}' is not supported; upload PDF, DOCX, text or JSON Resume.");
            }

            declared = fromType;
        }
        else if (Path.GetExtension(fileName) is { Length: > 0 } extension && Extensions.TryGetValue(extension, out var fromName))
        {
            declared = fromName;
            source = "file name";
        }

        // A JSON Resume is also plain text, so a text/plain declaration covers it.
        var consistent = declared is null || declared == actual || (declared == ResumeFormat.Text && actual == ResumeFormat.JsonResume);
        if (!consistent)
        {
            throw new ResumeExtractionException(ResumeExtractionFailure.TypeMismatch,
                $"The {source} says {Describe(declared!.Value)}, but the content is {Describe(actual)}.");
        }
    }

    private static string Describe(ResumeFormat format) => format switch
    {
        ResumeFormat.Pdf => "PDF",
        ResumeFormat.Docx => "DOCX",
        ResumeFormat.JsonResume => "JSON Resume",
        _ => "plain text",
    };
}
