using System.Diagnostics;
using System.Text;
using Match.Scoring.Postings;
using Match.Scoring.Resumes;
using Match.Scoring.Resumes.Extraction;
using Match.Scoring.Skills;

namespace Match.Scoring.Tests.Resumes;

public class ResumeExtractorTests
{
    private const string PdfType = "application/pdf";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly ResumeExtractor Extractor = new(new ResumeExtractionOptions());

    private static ResumeExtractionException Fails(byte[] content, string? type = null, string? name = null, ResumeExtractionOptions? options = null) =>
        Assert.Throws<ResumeExtractionException>(() => new ResumeExtractor(options ?? new ResumeExtractionOptions()).Extract(content, type, name));

    [Fact]
    public void Pdf_text_is_read_in_order_with_bullets_normalised()
    {
        var pdf = ResumeFixtures.Pdf(["Jane Doe", "Summary", "• Ten years of accounting"], ["Experience", "Company Name 2015 - 2019 Clerk"]);

        var result = Extractor.Extract(pdf, PdfType, "cv.pdf");

        Assert.Equal(ResumeFormat.Pdf, result.Format);
        Assert.Equal(2, result.PageCount);
        Assert.Equal("Jane Doe\nSummary\n- Ten years of accounting\n\nExperience\nCompany Name 2015 - 2019 Clerk", result.Text);
    }

    [Fact]
    public void Pdf_two_columns_are_kept_in_column_order()
    {
        string[] left = ["Experience", "Clerk at Acme", "Filed reports daily", "Answered phones"];
        string[] right = ["Skills", "Bookkeeping", "Payroll", "Spreadsheets"];

        var text = Extractor.Extract(ResumeFixtures.TwoColumnPdf("Jane Doe", left, right), PdfType, null).Text;

        Assert.Equal("Jane Doe\n" + string.Join('\n', left) + "\n" + string.Join('\n', right), text);
    }

    [Fact]
    public void Pdf_hyphenation_at_line_end_is_joined_but_real_hyphens_stay()
    {
        var pdf = ResumeFixtures.Pdf(["Led the develop-", "ment of a payroll system", "Self-starter and team-", "Player"]);

        var text = Extractor.Extract(pdf, PdfType, null).Text;

        Assert.Equal("Led the development of a payroll system\nSelf-starter and team-\nPlayer", text);
    }

    [Fact]
    public void Pdf_without_a_text_layer_is_refused_as_having_no_text()
    {
        var error = Fails(ResumeFixtures.PdfWithoutText(), PdfType);

        Assert.Equal(ResumeExtractionFailure.NoText, error.Kind);
        Assert.Contains("no text layer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_pdf_is_corrupt()
    {
        var pdf = ResumeFixtures.Pdf(["Jane Doe", "Accountant"]);

        Assert.Equal(ResumeExtractionFailure.Corrupt, Fails(pdf[..(pdf.Length / 2)], PdfType).Kind);
    }

    [Fact]
    public void Pdf_with_garbage_body_is_corrupt()
    {
        var garbage = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 500) + "\nstartxref\n999999\n%%EOF\n");

        Assert.Equal(ResumeExtractionFailure.Corrupt, Fails(garbage, PdfType).Kind);
    }

    [Fact]
    public void Encrypted_pdf_is_refused_as_encrypted()
    {
        var error = Fails(ResumeFixtures.EncryptedPdf(), PdfType);

        Assert.Equal(ResumeExtractionFailure.Encrypted, error.Kind);
    }

    [Fact]
    public void Docx_reads_header_paragraphs_list_table_and_text_box_once()
    {
        var result = Extractor.Extract(ResumeFixtures.Docx(), DocxType, "cv.docx");

        Assert.Equal(ResumeFormat.Docx, result.Format);
        Assert.Equal(
            """
            Jane Doe | jane@example.com
            Summary
            Accountant with ten years of practice.
            Skills
            - General ledger
            - Reconciliations
            Python | SQL
            Excel | SAP
            Anchor paragraph
            Text box: Fluent in Spanish
            Experience
            Company Name July 2011 to November 2012 Accountant
            """.ReplaceLineEndings("\n"),
            result.Text);
    }

    [Fact]
    public void Docx_text_feeds_the_analyzer()
    {
        var text = Extractor.Extract(ResumeFixtures.Docx(), DocxType, null).Text;
        var profile = new ResumeAnalyzer(new SkillVocabulary([new SkillEntry("SQL", [])]), TimeProvider.System).Analyze(text);

        Assert.Contains(profile.Sections, s => s.Kind == SectionKind.Experience);
        Assert.Equal(["Spanish"], profile.Languages);
        Assert.Single(profile.Periods);
        Assert.Contains(profile.Skills, s => s.Canonical == "SQL");
    }

    [Fact]
    public void Docx_that_inflates_past_the_limit_is_a_zip_bomb()
    {
        var bomb = ResumeFixtures.ZipBomb(80L * 1024 * 1024);

        var error = Fails(bomb, DocxType);

        Assert.True(bomb.Length < 1024 * 1024, $"fixture should be small, was {bomb.Length}");
        Assert.Equal(ResumeExtractionFailure.ZipBomb, error.Kind);
    }

    [Fact]
    public void Zip_bomb_limit_is_configurable()
    {
        var small = ResumeFixtures.ZipBomb(3L * 1024 * 1024);

        Assert.Equal(ResumeExtractionFailure.ZipBomb, Fails(small, DocxType, options: new ResumeExtractionOptions { MaxInflatedBytes = 1024 * 1024 }).Kind);
        Assert.NotEqual(ResumeExtractionFailure.ZipBomb, Fails(small, DocxType).Kind);
    }

    [Fact]
    public void Truncated_docx_is_corrupt()
    {
        var docx = ResumeFixtures.Docx();

        Assert.Equal(ResumeExtractionFailure.Corrupt, Fails(docx[..(docx.Length * 2 / 3)], DocxType).Kind);
    }

    [Fact]
    public void Password_protected_docx_is_refused_as_encrypted() =>
        Assert.Equal(ResumeExtractionFailure.Encrypted, Fails(ResumeFixtures.EncryptedDocx(), DocxType, "cv.docx").Kind);

    [Fact]
    public void Zip_that_is_not_a_word_document_is_unsupported()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            writer.Write("<workbook/>");
        }

        Assert.Equal(ResumeExtractionFailure.Unsupported, Fails(stream.ToArray()).Kind);
    }

    public static TheoryData<byte[], string> Encodings => new()
    {
        { Encoding.UTF8.GetBytes("Café résumé — naïve"), "Café résumé — naïve" },
        { [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Café résumé")], "Café résumé" },
        { [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Zoë Müller, Köln")], "Zoë Müller, Köln" },
        { [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Zoë Müller, Köln")], "Zoë Müller, Köln" },
        { [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x72, 0xE9, 0x73, 0x75, 0x6D, 0xE9, 0x94, 0x20, 0x80, 0x35], "Café \u201Crésumé\u201D €5" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Text_is_decoded_by_bom_utf8_or_windows_1252(byte[] content, string expected)
    {
        var result = Extractor.Extract(content, "text/plain; charset=whatever", "cv.txt");

        Assert.Equal(ResumeFormat.Text, result.Format);
        Assert.Equal(expected, result.Text);
    }

    [Fact]
    public void Json_resume_is_mapped_field_by_field_and_analyzable()
    {
        var now = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var result = Extractor.Extract(Encoding.UTF8.GetBytes(ResumeFixtures.JsonResume), "application/json", "cv.json");
        var profile = new ResumeAnalyzer(new SkillVocabulary([new SkillEntry("Python", []), new SkillEntry("SQL", [])]), new FixedClock(now))
            .Analyze(result.Text);

        Assert.Equal(ResumeFormat.JsonResume, result.Format);
        Assert.StartsWith("Ana Lima\nData Engineer\nana@example.com\nLisbon, PT\n\nSummary\nBuilds data pipelines in Python.", result.Text, StringComparison.Ordinal);
        Assert.Contains("Data Engineer, Acme\n03/2018 - Present\n- Moved ETL to Spark", result.Text, StringComparison.Ordinal);
        Assert.Equal(DegreeLevel.Master, profile.HighestDegree);
        Assert.Equal("Computer Science", profile.DegreeField);
        Assert.Equal(["Portuguese", "English"], profile.Languages);
        Assert.Equal(2, profile.Periods.Count);
        Assert.Equal(9.2, profile.TotalYears, 1);
        Assert.Equal(["Python", "SQL", "Python"], profile.Skills.Select(s => s.Canonical));
    }

    [Fact]
    public void Json_that_is_not_a_json_resume_is_unsupported() =>
        Assert.Equal(ResumeExtractionFailure.Unsupported, Fails(Encoding.UTF8.GetBytes("{\"foo\": 1}"), "application/json").Kind);

    [Theory]
    [InlineData(DocxType, null)]
    [InlineData("text/plain", null)]
    [InlineData("application/octet-stream", "cv.docx")]
    [InlineData(null, "resume.txt")]
    public void Pdf_content_declared_as_something_else_is_a_type_mismatch(string? type, string? name)
    {
        var error = Fails(ResumeFixtures.Pdf(["Jane Doe"]), type, name);

        Assert.Equal(ResumeExtractionFailure.TypeMismatch, error.Kind);
        Assert.Contains("content is PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_declared_as_pdf_is_a_type_mismatch() =>
        Assert.Equal(ResumeExtractionFailure.TypeMismatch, Fails(Encoding.UTF8.GetBytes("Jane Doe, accountant"), PdfType).Kind);

    [Fact]
    public void Generic_declared_type_lets_the_signature_decide()
    {
        var result = Extractor.Extract(ResumeFixtures.Pdf(["Jane Doe"]), "application/octet-stream", "upload.bin");

        Assert.Equal(ResumeFormat.Pdf, result.Format);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/msword")]
    public void Unsupported_declared_types_are_refused(string type) =>
        Assert.Equal(ResumeExtractionFailure.Unsupported, Fails(Encoding.UTF8.GetBytes("Jane Doe, accountant"), type).Kind);

    [Fact]
    public void Images_and_binary_data_are_unsupported()
    {
        Assert.Equal(ResumeExtractionFailure.Unsupported, Fails([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).Kind);
        Assert.Equal(ResumeExtractionFailure.Unsupported, Fails([.. Enumerable.Range(0, 600).Select(i => (byte)(i % 32))]).Kind);
    }

    [Fact]
    public void Files_over_the_size_limit_are_too_large()
    {
        var error = Fails(Encoding.UTF8.GetBytes(new string('a', 2048)), "text/plain", options: new ResumeExtractionOptions { MaxBytes = 1024 });

        Assert.Equal(ResumeExtractionFailure.TooLarge, error.Kind);
        Assert.Equal(10 * 1024 * 1024, new ResumeExtractionOptions().MaxBytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  ")]
    [InlineData("- 1 2 3 -")]
    public void Empty_or_letterless_text_has_no_text(string content) =>
        Assert.Equal(ResumeExtractionFailure.NoText, Fails(Encoding.UTF8.GetBytes(content), "text/plain").Kind);

    [Fact]
    public void Extraction_past_the_time_limit_is_stopped()
    {
        var pages = Enumerable.Range(0, 150).Select(p => Enumerable.Range(0, 40).Select(l => $"Page {p} line {l} with several words of text").ToArray()).ToArray();
        var pdf = ResumeFixtures.Pdf(pages);
        var full = Stopwatch.StartNew();
        Extractor.Extract(pdf, PdfType, null);
        full.Stop();

        var limited = Stopwatch.StartNew();
        // A limit that has passed by the first check: the reader must stop at once, not after its 150 pages (a wide
        // margin, so a busy machine cannot make the comparison below flaky).
        var error = Fails(pdf, PdfType, options: new ResumeExtractionOptions { Timeout = TimeSpan.FromMilliseconds(1) });
        limited.Stop();

        Assert.Equal(ResumeExtractionFailure.Timeout, error.Kind);
        // The reader checks the limit page by page, so it returns long before a full read would end.
        Assert.True(limited.Elapsed < full.Elapsed / 2, $"stopped after {limited.Elapsed}, a full read takes {full.Elapsed}");
    }

    [Fact]
    public void Caller_cancellation_is_not_reported_as_a_timeout()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Extractor.Extract(ResumeFixtures.Pdf(["Jane"]), PdfType, null, cancelled.Token));
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool Random_bytes_either_extract_or_fail_with_a_typed_error(byte[]? content, bool asPdf)
    {
        var bytes = content ?? [];
        if (asPdf)
        {
            bytes = [.. "%PDF-1.4\n"u8.ToArray(), .. bytes, .. "\n%%EOF"u8.ToArray()];
        }

        try
        {
            var result = Extractor.Extract(bytes, null, null);
            return result.Text.Length > 0;
        }
        catch (ResumeExtractionException)
        {
            return true;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
