using System.Text;
using Dapper;
using Match.Data.Resumes;
using Match.Scoring.Resumes;
using Match.Scoring.Resumes.Extraction;
using Match.Scoring.Skills;

namespace Match.Data.Tests.Resumes;

public sealed class ResumeStoreTests
{
    private static readonly ResumeAnalyzer Analyzer = new(new SkillVocabulary([new SkillEntry("SQL", [])]), TimeProvider.System);

    private static ResumeContent Content(string text, string? hash = null, CandidateInfo? candidate = null) => new(
        hash ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        ResumeFormat.Text,
        "cv.txt",
        candidate ?? CandidateInfo.None,
        Analyzer.Analyze(text),
        Redacted: false);

    [Fact]
    public async Task Created_resume_reads_back_with_text_and_structure()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ResumeStore(db.Connections, TimeProvider.System);
        var content = Content("Jane Doe\nExperience\nAnalyst 2015 - 2019 using SQL\nEducation\nBachelor of Science in Physics", candidate: new CandidateInfo("Jane Doe", "jane@example.com"));

        var (created, outcome) = await store.CreateAsync("ats-1", content);
        var read = await store.GetAsync(created.Id);

        Assert.Equal(ResumeWriteOutcome.Created, outcome);
        Assert.NotNull(read);
        Assert.Equal("ats-1", read.ExternalId);
        Assert.Equal(content.Profile.Text, read.Content.Profile.Text);
        Assert.Equal(content.Profile.Sections, read.Content.Profile.Sections);
        Assert.Equal(content.Profile.Periods, read.Content.Profile.Periods);
        Assert.Equal(content.Profile.Skills, read.Content.Profile.Skills);
        Assert.Equal(4.0, read.Content.Profile.TotalYears, 2);
        Assert.Equal(Match.Scoring.Postings.DegreeLevel.Bachelor, read.Content.Profile.HighestDegree);
        Assert.Equal("Physics", read.Content.Profile.DegreeField);
        Assert.Equal(new CandidateInfo("Jane Doe", "jane@example.com"), read.Content.Candidate);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task Same_file_again_is_recognised_by_its_hash_and_not_stored_twice()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ResumeStore(db.Connections, TimeProvider.System);
        var (first, _) = await store.CreateAsync(null, Content("Jane Doe, accountant"));

        var (again, outcome) = await store.CreateAsync(null, Content("Jane Doe, accountant"));

        Assert.Equal(ResumeWriteOutcome.Duplicate, outcome);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await db.CountAsync("resumes"));
        await Assert.ThrowsAsync<ConflictException>(() => store.CreateAsync("other-id", Content("Jane Doe, accountant")));
    }

    [Fact]
    public async Task Same_external_id_updates_in_place_and_repeats_change_nothing()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ResumeStore(db.Connections, TimeProvider.System);

        var (created, first) = await store.UpsertByExternalIdAsync("ats-7", Content("Version one"));
        var (repeated, second) = await store.UpsertByExternalIdAsync("ats-7", Content("Version one"));
        var (updated, third) = await store.UpsertByExternalIdAsync("ats-7", Content("Version two"));

        Assert.Equal([ResumeWriteOutcome.Created, ResumeWriteOutcome.Unchanged, ResumeWriteOutcome.Updated], [first, second, third]);
        Assert.Equal(created.Id, repeated.Id);
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal([1L, 1L, 2L], [created.Version, repeated.Version, updated.Version]);
        Assert.Equal("Version two", updated.Content.Profile.Text);
        Assert.Equal(1, await db.CountAsync("resumes"));
        await Assert.ThrowsAsync<ConflictException>(() => store.CreateAsync("ats-7", Content("Version three")));
    }

    [Fact]
    public async Task Delete_erases_the_text_from_the_database_files_and_cascades_to_dependents()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ResumeStore(db.Connections, TimeProvider.System);
        var marker = "Marker" + Guid.NewGuid().ToString("N");
        var (kept, _) = await store.CreateAsync(null, Content("Someone else entirely, accountant"));
        var (resume, _) = await store.CreateAsync(null, Content($"Jane Doe\n{marker}\nExperience\nAnalyst 2015 - 2019"));
        await using (var connection = await db.Connections.OpenAsync())
        {
            // Stands in for the vectors and scores tables to come: they reference résumés the same way.
            await connection.ExecuteAsync("CREATE TABLE resume_vectors (resume_id INTEGER NOT NULL REFERENCES resumes (id) ON DELETE CASCADE, v TEXT);");
            await connection.ExecuteAsync("INSERT INTO resume_vectors VALUES (@Id, @Marker);", new { resume.Id, Marker = marker + "-vector" });
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        Assert.True(FilesContain(db.Folder, marker), "control: the marker is in the database files before the delete");

        Assert.True(await store.DeleteAsync(resume.Id));

        Assert.Null(await store.GetAsync(resume.Id));
        Assert.NotNull(await store.GetAsync(kept.Id));
        Assert.Equal(0, await db.CountAsync("resume_vectors"));
        Assert.False(FilesContain(db.Folder, marker), "the erased text is still somewhere in the database files");
        Assert.False(await store.DeleteAsync(resume.Id));
    }

    [Fact]
    public async Task List_pages_newest_first_with_a_total()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ResumeStore(db.Connections, TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            await store.CreateAsync($"ats-{i}", Content($"Candidate number {i}", candidate: new CandidateInfo($"Person {i}")));
        }

        var page = await store.ListAsync(new ResumeQuery(Offset: 1, Limit: 2));
        var one = await store.ListAsync(new ResumeQuery(ExternalId: "ats-2"));

        Assert.Equal(5, page.Total);
        Assert.Equal(["ats-3", "ats-2"], page.Items.Select(i => i.ExternalId));
        Assert.Equal("Person 3", page.Items[0].CandidateName);
        Assert.Equal(1, one.Total);
    }

    private static bool FilesContain(string folder, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        return Directory.GetFiles(folder).Any(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }
}
