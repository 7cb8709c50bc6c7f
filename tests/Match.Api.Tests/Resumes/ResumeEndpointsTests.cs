using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Match.Api.Tests.Resumes;

public sealed class ResumeEndpointsTests
{
    private const string SampleText = """
        Jane Doe
        jane.doe@example.com | +1 (555) 123-4567
        Summary
        Accountant, fluent in Spanish, with Python and SQL.
        Experience
        Company Name July 2011 to November 2012 Accountant
        Company Name 2013 - 2019 Senior Accountant
        Education
        Bachelor of Science : Accounting 2005 University of Maryland
        """;

    private static readonly Uri Resumes = new("/resumes", UriKind.Relative);

    private static Uri At(string path) => new(path, UriKind.Relative);

    private static MultipartFormDataContent Multipart(byte[] file, string contentType, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(part, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<long> CountAsync(HttpClient client) =>
        (await JsonAsync(await client.GetAsync(Resumes), HttpStatusCode.OK)).GetProperty("total").GetInt64();

    [Fact]
    public async Task Multipart_pdf_upload_is_read_stored_and_served_as_structure_and_text()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var pdf = ResumeFiles.Pdf("Jane Doe", "Summary", "Fluent in Spanish.", "Experience", "Company Name 2015 - 2019 Clerk", "Education", "MBA : Finance 2014");

        var response = await client.PostAsync(Resumes, Multipart(pdf, ResumeFiles.PdfType, "jane.pdf", ("externalId", "ats-1"), ("candidateName", "Jane Doe")));

        var created = await JsonAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/resumes/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("ats-1", created.GetProperty("externalId").GetString());
        Assert.Equal("pdf", created.GetProperty("format").GetString());
        Assert.Equal("jane.pdf", created.GetProperty("fileName").GetString());
        Assert.Equal("Jane Doe", created.GetProperty("candidate").GetProperty("name").GetString());
        var profile = created.GetProperty("profile");
        Assert.Equal(["header", "summary", "experience", "education"], profile.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal(4.0, profile.GetProperty("totalYears").GetDouble(), 2);
        Assert.Equal("master", profile.GetProperty("highestDegree").GetString());
        Assert.Equal("Finance", profile.GetProperty("degreeField").GetString());
        Assert.Equal(["Spanish"], profile.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));

        var fetched = await JsonAsync(await client.GetAsync(At($"/resumes/{id}")), HttpStatusCode.OK);
        var text = await client.GetAsync(At($"/resumes/{id}/text"));
        Assert.Equal(created.GetProperty("contentHash").GetString(), fetched.GetProperty("contentHash").GetString());
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Jane Doe\nSummary\nFluent in Spanish.\nExperience\nCompany Name 2015 - 2019 Clerk\nEducation\nMBA : Finance 2014", await text.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Json_text_upload_is_recognised_when_sent_again_and_conflicts_under_another_external_id()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var first = await JsonAsync(await client.PostAsJsonAsync(Resumes, new { text = SampleText, candidate = new { name = "Jane" } }), HttpStatusCode.Created);
        var again = await JsonAsync(await client.PostAsJsonAsync(Resumes, new { text = SampleText }), HttpStatusCode.OK);
        var conflict = await client.PostAsJsonAsync(Resumes, new { externalId = "other", text = SampleText });

        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal("text", first.GetProperty("format").GetString());
        Assert.Equal(7.42, first.GetProperty("profile").GetProperty("totalYears").GetDouble(), 1);
        var problem = await conflict.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"résumé {first.GetProperty("id").GetInt64()}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(client));
    }

    [Fact]
    public async Task Json_resume_document_and_raw_docx_bodies_are_accepted()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        const string jsonResume = """{"basics":{"name":"Ana"},"work":[{"name":"Acme","position":"Engineer","startDate":"2019-01","endDate":"2021-01"}]}""";

        var fromJson = await JsonAsync(await client.PostAsync(Resumes, Raw(Encoding.UTF8.GetBytes(jsonResume), "application/json")), HttpStatusCode.Created);
        var fromDocx = await JsonAsync(await client.PostAsync(Resumes, Raw(ResumeFiles.Docx("Ana Lima", "Skills", "Python"), ResumeFiles.DocxType)), HttpStatusCode.Created);

        Assert.Equal("jsonResume", fromJson.GetProperty("format").GetString());
        Assert.Equal(2.08, fromJson.GetProperty("profile").GetProperty("totalYears").GetDouble(), 1);
        Assert.Equal("docx", fromDocx.GetProperty("format").GetString());
        Assert.Equal(2, await CountAsync(client));
    }

    [Fact]
    public async Task Put_by_external_id_creates_then_repeats_idempotently_then_updates_in_place()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var uri = At("/resumes/ats-42");

        var created = await JsonAsync(await client.PutAsJsonAsync(uri, new { text = SampleText }), HttpStatusCode.Created);
        var repeated = await JsonAsync(await client.PutAsJsonAsync(uri, new { text = SampleText }), HttpStatusCode.OK);
        var updated = await JsonAsync(await client.PutAsync(uri, Multipart(ResumeFiles.Pdf("Jane Doe", "Skills", "SQL"), ResumeFiles.PdfType, "v2.pdf")), HttpStatusCode.OK);

        Assert.Equal(created.GetProperty("id").GetInt64(), updated.GetProperty("id").GetInt64());
        Assert.Equal([1, 1, 2], new[] { created, repeated, updated }.Select(r => r.GetProperty("version").GetInt32()));
        Assert.Equal("pdf", updated.GetProperty("format").GetString());
        Assert.Equal("ats-42", updated.GetProperty("externalId").GetString());
        Assert.Equal(1, await CountAsync(client));
        var invalid = await client.PutAsJsonAsync(At("/resumes/bad id!"), new { text = SampleText });
        Assert.Contains("externalId", await invalid.AssertValidationProblemAsync());
    }

    [Fact]
    public async Task List_is_paged_newest_first()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync(Resumes, new { externalId = $"ats-{i}", text = $"Candidate {i} résumé text", candidate = new { name = $"Person {i}" } });
        }

        var page = await JsonAsync(await client.GetAsync(At("/resumes?offset=1&limit=1")), HttpStatusCode.OK);
        var bad = await client.GetAsync(At("/resumes?limit=1000"));

        Assert.Equal(3, page.GetProperty("total").GetInt64());
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("ats-1", item.GetProperty("externalId").GetString());
        Assert.Equal("Person 1", item.GetProperty("candidateName").GetString());
        Assert.Contains("limit", await bad.AssertValidationProblemAsync());
    }

    [Fact]
    public async Task Delete_erases_the_resume_from_the_api_and_from_the_database_file()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        var marker = "Marker" + Guid.NewGuid().ToString("N");
        var created = await JsonAsync(await client.PostAsJsonAsync(Resumes, new { text = $"Jane Doe\n{marker}\nExperience\nClerk 2015 - 2019" }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        Assert.True(DatabaseFilesContain(app, marker), "control: the text is stored before the delete");

        var deleted = await client.DeleteAsync(At($"/resumes/{id}"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await client.GetAsync(At($"/resumes/{id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(At($"/resumes/{id}/text"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(At($"/resumes/{id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(DatabaseFilesContain(app, marker), "the erased text is still in the database files");
    }

    public static TheoryData<string, byte[], string, HttpStatusCode, string> BadFiles()
    {
        var pdf = ResumeFiles.Pdf("Jane Doe", "Accountant");
        var docx = ResumeFiles.Docx("Jane Doe", "Accountant");
        return new()
        {
            { "scanned PDF", ResumeFiles.ScannedPdf(), ResumeFiles.PdfType, HttpStatusCode.UnprocessableEntity, "noText" },
            { "empty text", Encoding.UTF8.GetBytes("  \n "), "text/plain", HttpStatusCode.UnprocessableEntity, "noText" },
            { "encrypted PDF", ResumeFiles.EncryptedPdf(), ResumeFiles.PdfType, HttpStatusCode.UnprocessableEntity, "encrypted" },
            { "truncated PDF", pdf[..(pdf.Length / 2)], ResumeFiles.PdfType, HttpStatusCode.UnprocessableEntity, "corrupt" },
            { "truncated DOCX", docx[..(docx.Length / 2)], ResumeFiles.DocxType, HttpStatusCode.UnprocessableEntity, "corrupt" },
            { "zip bomb", ResumeFiles.ZipBomb(80L * 1024 * 1024), ResumeFiles.DocxType, HttpStatusCode.UnprocessableEntity, "zipBomb" },
            { "PDF declared as DOCX", pdf, ResumeFiles.DocxType, HttpStatusCode.UnsupportedMediaType, "typeMismatch" },
            { "text declared as PDF", Encoding.UTF8.GetBytes("Jane Doe, accountant"), ResumeFiles.PdfType, HttpStatusCode.UnsupportedMediaType, "typeMismatch" },
            { "PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "image/png", HttpStatusCode.UnsupportedMediaType, "unsupported" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_answer_a_problem_and_store_nothing(string what, byte[] file, string contentType, HttpStatusCode status, string kind)
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();

        var response = await client.PostAsync(Resumes, Multipart(file, contentType, "upload"));

        var problem = await response.AssertProblemAsync(status);
        Assert.True(kind == problem.GetProperty("kind").GetString(), $"{what}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(0, await CountAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(At("/health/live"))).StatusCode);
    }

    [Fact]
    public async Task Files_over_the_configured_size_limit_answer_413()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Resumes:MaxBytes"] = "2048" });
        using var client = app.CreateClient();

        var justOver = await client.PostAsync(Resumes, Multipart(Encoding.UTF8.GetBytes(new string('a', 3000)), "text/plain", "cv.txt"));
        var farOver = await client.PostAsync(Resumes, Raw(new byte[300_000], "application/pdf"));

        Assert.Equal("tooLarge", (await justOver.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("kind").GetString());
        await farOver.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await CountAsync(client));
    }

    [Fact]
    public async Task Extraction_past_the_time_limit_answers_422_and_stores_nothing()
    {
        await using var app = new MatchApp(new Dictionary<string, string?> { ["Match:Resumes:ExtractionTimeout"] = "00:00:00.001" });
        using var client = app.CreateClient();
        var pages = Enumerable.Range(0, 60).Select(p => Enumerable.Range(0, 40).Select(l => $"Page {p} line {l} of a long résumé").ToArray()).ToArray();

        var response = await client.PostAsync(Resumes, Multipart(ResumeFiles.PdfPages(pages), ResumeFiles.PdfType, "long.pdf"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("timeout", problem.GetProperty("kind").GetString());
        Assert.Equal(0, await CountAsync(client));
    }

    [Fact]
    public async Task Multipart_without_a_file_is_a_validation_problem()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("ats-1"), "externalId" } };

        var response = await client.PostAsync(Resumes, form);

        Assert.Contains("body", await response.AssertValidationProblemAsync());
    }

    [Fact]
    public async Task Redaction_when_enabled_masks_contact_details_before_storage_and_is_off_by_default()
    {
        await using var redacting = new MatchApp(new Dictionary<string, string?> { ["Match:Resumes:Redact"] = "true" });
        await using var plain = new MatchApp();
        using var redactingClient = redacting.CreateClient();
        using var plainClient = plain.CreateClient();

        var masked = await JsonAsync(await redactingClient.PostAsJsonAsync(Resumes, new { text = SampleText }), HttpStatusCode.Created);
        var kept = await JsonAsync(await plainClient.PostAsJsonAsync(Resumes, new { text = SampleText }), HttpStatusCode.Created);
        var maskedText = await redactingClient.GetStringAsync(At($"/resumes/{masked.GetProperty("id").GetInt64()}/text"));
        var keptText = await plainClient.GetStringAsync(At($"/resumes/{kept.GetProperty("id").GetInt64()}/text"));

        Assert.True(masked.GetProperty("redacted").GetBoolean());
        Assert.Contains("[email] | [phone]", maskedText, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", maskedText, StringComparison.Ordinal);
        Assert.False(DatabaseFilesContain(redacting, "jane.doe@example.com"));
        Assert.Equal(7.42, masked.GetProperty("profile").GetProperty("totalYears").GetDouble(), 1);
        Assert.False(kept.GetProperty("redacted").GetBoolean());
        Assert.Contains("jane.doe@example.com", keptText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_text_never_reaches_the_logs()
    {
        var logs = new CapturingLoggerProvider();
        await using var baseApp = new MatchApp();
        await using var app = baseApp.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
            logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        using var client = app.CreateClient();
        var marker = "Secret" + Guid.NewGuid().ToString("N");

        var created = await JsonAsync(await client.PostAsJsonAsync(Resumes, new { externalId = "ats-log", text = $"Jane {marker} Doe" }), HttpStatusCode.Created);
        await client.PostAsJsonAsync(Resumes, new { externalId = "ats-other", text = $"Jane {marker} Doe" });
        await client.PostAsync(Resumes, Multipart(Encoding.UTF8.GetBytes($"{marker} as pdf"), ResumeFiles.PdfType, $"{marker}.pdf"));
        await client.GetStringAsync(At($"/resumes/{created.GetProperty("id").GetInt64()}/text"));
        await client.DeleteAsync(At($"/resumes/{created.GetProperty("id").GetInt64()}"));

        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Random_bytes_never_produce_a_server_error()
    {
        await using var app = new MatchApp();
        using var client = app.CreateClient();
        string[] types = [ResumeFiles.PdfType, ResumeFiles.DocxType, "text/plain", "application/json", "application/octet-stream"];
        byte[][] prefixes = [[], "%PDF-1.7\n"u8.ToArray(), "PK\u0003\u0004"u8.ToArray(), "{\"basics\":"u8.ToArray()];

        var property = Prop.ForAll<byte[], byte, bool>((bytes, shape, multipart) =>
        {
            var body = (byte[])[.. prefixes[shape / types.Length % prefixes.Length], .. bytes ?? []];
            var contentType = types[shape % types.Length];
            HttpContent content = multipart ? Multipart(body, contentType, "random") : Raw(body, contentType);
            using var response = client.PostAsync(Resumes, content).GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            return status < 500
                && (status < 400 || response.Content.Headers.ContentType?.MediaType == "application/problem+json");
        });

        Check.QuickThrowOnFailure(property);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(At("/health/ready"))).StatusCode);
    }

    private static bool DatabaseFilesContain(MatchApp app, string marker)
    {
        SqliteConnection.ClearAllPools();
        var needle = Encoding.UTF8.GetBytes(marker);
        return Directory.GetFiles(app.DataFolder).Any(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
