using Match.Data.Resumes;
using Match.Data.Roles;
using Match.Data.Scores;

namespace Match.Data.Tests.Scores;

public sealed class ScoreStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static StoredScore Score(Role role, Resume resume, double score, string model = "m1", bool meets = true) =>
        new(role.Id, resume.Id, model, role.Version, resume.Version, score, meets, meets ? [] : [0], 0.5, null, Now);

    [Fact]
    public async Task Missing_scores_are_stale_and_stored_ones_are_fresh_until_the_model_role_or_resume_changes()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ScoreStore(db.Connections);
        var role = await StoredRows.RoleAsync(db, "Analyst");
        var a = await StoredRows.ResumeAsync(db, "Analyst with SQL");
        var b = await StoredRows.ResumeAsync(db, "Baker");

        Assert.Equal([a.Id, b.Id], (await store.StaleResumesForRoleAsync(role.Id, role.Version, "m1")).Select(t => t.Id));
        await store.UpsertAsync([Score(role, a, 80), Score(role, b, 20)]);

        Assert.Empty(await store.StaleResumesForRoleAsync(role.Id, role.Version, "m1"));
        Assert.Empty(await store.StaleRolesForResumeAsync(a.Id, a.Version, "m1"));
        Assert.Equal(2, (await store.StaleResumesForRoleAsync(role.Id, role.Version, "m2")).Count);
        Assert.Equal(2, (await store.StaleResumesForRoleAsync(role.Id, role.Version + 1, "m1")).Count);
        Assert.Equal([a.Id], (await store.StaleRolesForResumeAsync(a.Id, a.Version + 1, "m1")).Select(t => t.Id));
    }

    [Fact]
    public async Task Upsert_replaces_a_pair_in_place()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ScoreStore(db.Connections);
        var role = await StoredRows.RoleAsync(db, "Analyst");
        var a = await StoredRows.ResumeAsync(db, "Analyst with SQL");

        await store.UpsertAsync([Score(role, a, 80)]);
        await store.UpsertAsync([Score(role, a, 60, model: "m2", meets: false)]);

        Assert.Equal(1, await db.CountAsync("scores"));
        var stored = await store.GetAsync(role.Id, a.Id);
        Assert.Equal(60, stored!.Score);
        Assert.Equal("m2", stored.ModelVersion);
        Assert.False(stored.MeetsAllMinimums);
        Assert.Equal([0], stored.KnockOuts);
    }

    [Fact]
    public async Task Rankings_are_best_first_filtered_paged_and_only_from_fresh_scores()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ScoreStore(db.Connections);
        var role = await StoredRows.RoleAsync(db, "Analyst");
        var resumes = new List<Resume>();
        foreach (var text in new[] { "one SQL", "two SQL", "three SQL", "four SQL" })
        {
            resumes.Add(await StoredRows.ResumeAsync(db, text, name: text));
        }

        await store.UpsertAsync([Score(role, resumes[0], 40), Score(role, resumes[1], 90), Score(role, resumes[2], 70, meets: false)]);
        await store.UpsertAsync([Score(role, resumes[3], 99, model: "old")]);

        var all = await store.RankResumesAsync(role.Id, role.Version, "m1", new RankingQuery());
        var filtered = await store.RankResumesAsync(role.Id, role.Version, "m1", new RankingQuery(MinScore: 50, MeetsAllMinimums: true));
        var second = await store.RankResumesAsync(role.Id, role.Version, "m1", new RankingQuery(Offset: 1, Limit: 1));

        Assert.Equal([resumes[1].Id, resumes[2].Id, resumes[0].Id], all.Items.Select(i => i.Id));
        Assert.Equal(3, all.Total);
        Assert.Equal("two SQL", all.Items[0].Name);
        Assert.Equal([resumes[1].Id], filtered.Items.Select(i => i.Id));
        Assert.Equal(1, filtered.Total);
        Assert.Equal([resumes[2].Id], second.Items.Select(i => i.Id));
        Assert.Equal(3, second.Total);
    }

    [Fact]
    public async Task Roles_ranked_for_a_resume_leave_out_closed_roles()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ScoreStore(db.Connections);
        var open = await StoredRows.RoleAsync(db, "Open analyst");
        var closed = await StoredRows.RoleAsync(db, "Closed analyst", RoleStatus.Closed);
        var a = await StoredRows.ResumeAsync(db, "Analyst with SQL");

        Assert.Equal([open.Id], (await store.StaleRolesForResumeAsync(a.Id, a.Version, "m1")).Select(t => t.Id));
        await store.UpsertAsync([Score(open, a, 50), Score(closed, a, 95)]);
        var ranked = await store.RankRolesAsync(a.Id, a.Version, "m1", new RankingQuery());

        Assert.Equal([open.Id], ranked.Items.Select(i => i.Id));
        Assert.Equal("Open analyst", ranked.Items[0].Name);
    }

    [Fact]
    public async Task Deleting_a_resume_or_a_role_erases_its_scores_and_scores_of_deleted_rows_are_skipped()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new ScoreStore(db.Connections);
        var role = await StoredRows.RoleAsync(db, "Analyst");
        var other = await StoredRows.RoleAsync(db, "Baker");
        var a = await StoredRows.ResumeAsync(db, "Analyst with SQL");
        var b = await StoredRows.ResumeAsync(db, "Baker");
        await store.UpsertAsync([Score(role, a, 80), Score(role, b, 20), Score(other, a, 10)]);

        await new ResumeStore(db.Connections, TimeProvider.System).DeleteAsync(a.Id);
        Assert.Equal(1, await db.CountAsync("scores"));
        await new RoleStore(db.Connections, TimeProvider.System).DeleteAsync(role.Id);
        Assert.Equal(0, await db.CountAsync("scores"));

        await store.UpsertAsync([Score(role, b, 20), Score(other, b, 30)]);
        Assert.Equal(1, await db.CountAsync("scores"));
    }
}
