using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Match.Data.Roles;
using Match.Scoring.Postings;
using Microsoft.Data.Sqlite;

namespace Match.Data.Tests.Roles;

public sealed class RoleStoreTests
{
    private static readonly Requirement Python = new(
        RequirementLevel.Minimum,
        RequirementCategory.Experience,
        "5+ years of Python",
        new RequirementAttributes { MinYears = 5, YearsOf = "Python", Skills = ["Python"] });

    private static readonly Requirement Degree = new(
        RequirementLevel.Minimum,
        RequirementCategory.Education,
        "BS in Computer Science or equivalent practical experience",
        new RequirementAttributes { Degree = DegreeLevel.Bachelor, DegreeFields = ["Computer Science"], EquivalentExperienceAccepted = true });

    private static readonly Requirement Kubernetes = new(
        RequirementLevel.Preferred,
        RequirementCategory.Skill,
        "Kubernetes",
        new RequirementAttributes { Skills = ["Kubernetes"] });

    private static RoleContent Content(string title = "Data Engineer", params Requirement[] requirements) =>
        new(title, RoleStatus.Open, "posting text", requirements.Length > 0 ? requirements : [Python, Degree, Kubernetes], RequirementsSource.Parsed);

    private static RoleStore Store(TempDatabase database) => new(database.Connections, TimeProvider.System);

    [Fact]
    public async Task A_created_role_reads_back_with_its_requirements_in_order_and_their_attributes()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);

        var created = await store.CreateAsync("ats-1", Content());
        var read = await store.GetAsync(created.Id);

        Assert.NotNull(read);
        Assert.Equal("ats-1", read.ExternalId);
        Assert.Equal(1, read.Version);
        Assert.Equal(created.RequirementsHash, read.RequirementsHash);
        Assert.Equal(RoleStore.HashRequirements([Python, Degree, Kubernetes]), read.RequirementsHash);
        Assert.Equal(["5+ years of Python", Degree.Text, "Kubernetes"], read.Content.Requirements.Select(r => r.Text));
        var degree = read.Content.Requirements[1];
        Assert.Equal(DegreeLevel.Bachelor, degree.Attributes.Degree);
        Assert.True(degree.Attributes.EquivalentExperienceAccepted);
        Assert.Equal(["Computer Science"], degree.Attributes.DegreeFields);
        Assert.Equal(5, read.Content.Requirements[0].Attributes.MinYears);
        Assert.Equal(RequirementLevel.Preferred, read.Content.Requirements[2].Level);
    }

    [Fact]
    public async Task A_failing_requirement_insert_rolls_back_the_whole_role()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);
        var blank = Kubernetes with { Text = "  " }; // violates the CHECK on role_requirements.text, after two rows went in

        await Assert.ThrowsAsync<SqliteException>(() => store.CreateAsync("ats-1", Content("Data Engineer", Python, Degree, blank)));

        Assert.Equal(0, await database.CountAsync("roles"));
        Assert.Equal(0, await database.CountAsync("role_requirements"));
        var retry = await store.CreateAsync("ats-1", Content());
        Assert.Equal(3, retry.Content.Requirements.Count);
    }

    [Fact]
    public async Task A_failing_requirement_replacement_leaves_the_old_role_untouched()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);
        var role = await store.CreateAsync(null, Content());
        var blank = Kubernetes with { Text = "" };

        await Assert.ThrowsAsync<SqliteException>(() =>
            store.ReplaceRequirementsAsync(role.Id, [Kubernetes, blank], RequirementsSource.Corrected));

        var after = await store.GetAsync(role.Id);
        Assert.NotNull(after);
        Assert.Equal(1, after.Version);
        Assert.Equal(RequirementsSource.Parsed, after.Content.RequirementsSource);
        Assert.Equal(role.RequirementsHash, after.RequirementsHash);
        Assert.Equal(3, after.Content.Requirements.Count);
        Assert.Equal(3, await database.CountAsync("role_requirements"));
    }

    [Fact]
    public async Task A_duplicate_external_id_is_a_conflict_and_stores_nothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);
        var first = await store.CreateAsync("ats-1", Content());

        var error = await Assert.ThrowsAsync<ConflictException>(() => store.CreateAsync("ats-1", Content("Other")));

        Assert.Contains($"id {first.Id}", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await database.CountAsync("roles"));
        Assert.Equal(3, await database.CountAsync("role_requirements"));
    }

    [Fact]
    public async Task Roles_without_external_ids_do_not_clash()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);

        await store.CreateAsync(null, Content());
        await store.CreateAsync(null, Content());

        Assert.Equal(2, await database.CountAsync("roles"));
    }

    [Fact]
    public async Task Upserting_the_same_content_twice_changes_nothing_and_new_content_bumps_the_version()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);

        var (created, createdOutcome) = await store.UpsertByExternalIdAsync("ats-1", _ => Content());
        var (repeated, repeatedOutcome) = await store.UpsertByExternalIdAsync("ats-1", _ => Content());
        var (changed, changedOutcome) = await store.UpsertByExternalIdAsync("ats-1", _ => Content("Data Engineer", Python));

        Assert.Equal(UpsertOutcome.Created, createdOutcome);
        Assert.Equal(UpsertOutcome.Unchanged, repeatedOutcome);
        Assert.Equal(created, repeated with { Content = created.Content });
        Assert.Equal(StoredJson.Serialize(created.Content), StoredJson.Serialize(repeated.Content));
        Assert.Equal(UpsertOutcome.Updated, changedOutcome);
        Assert.Equal(created.Id, changed.Id);
        Assert.Equal(2, changed.Version);
        Assert.NotEqual(created.RequirementsHash, changed.RequirementsHash);
        Assert.Equal(1, await database.CountAsync("roles"));
        Assert.Equal(1, await database.CountAsync("role_requirements"));
    }

    [Fact]
    public async Task A_status_change_bumps_the_version_but_not_the_requirements_hash()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);
        var role = await store.CreateAsync(null, Content());

        var closed = await store.SetStatusAsync(role.Id, RoleStatus.Closed);
        var again = await store.SetStatusAsync(role.Id, RoleStatus.Closed);

        Assert.Equal(RoleStatus.Closed, closed!.Content.Status);
        Assert.Equal(2, closed.Version);
        Assert.Equal(role.RequirementsHash, closed.RequirementsHash);
        Assert.Equal(2, again!.Version);
        Assert.Null(await store.SetStatusAsync(role.Id + 1, RoleStatus.Closed));
    }

    [Property(MaxTest = 25)]
    public async Task<bool> Upsert_is_idempotent_for_any_content(NonEmptyString title, NonEmptyString posting, NonEmptyString[] texts, bool closed)
    {
        var requirements = texts
            .Select(t => t.Get.Trim())
            .Where(t => t.Length > 0)
            .Select((t, i) => new Requirement(i % 2 == 0 ? RequirementLevel.Minimum : RequirementLevel.Preferred, RequirementCategory.Other, t, RequirementAttributes.None))
            .ToArray();
        var cleanTitle = title.Get.Trim().Length > 0 ? title.Get : "t";
        var content = new RoleContent(cleanTitle, closed ? RoleStatus.Closed : RoleStatus.Open, posting.Get, requirements, RequirementsSource.Supplied);
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);

        var (first, _) = await store.UpsertByExternalIdAsync("ats-x", _ => content);
        var (second, outcome) = await store.UpsertByExternalIdAsync("ats-x", _ => content);

        return outcome == UpsertOutcome.Unchanged
            && second.Version == 1
            && second.UpdatedAt == first.UpdatedAt
            && second.RequirementsHash == first.RequirementsHash
            && second.Content.Requirements.Select(r => r.Text).SequenceEqual(requirements.Select(r => r.Text))
            && second.Content.Title == cleanTitle
            && second.Content.PostingText == posting.Get;
    }

    [Fact]
    public async Task Deleting_a_role_deletes_its_requirements()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);
        var role = await store.CreateAsync(null, Content());

        Assert.True(await store.DeleteAsync(role.Id));
        Assert.False(await store.DeleteAsync(role.Id));

        Assert.Null(await store.GetAsync(role.Id));
        Assert.Equal(0, await database.CountAsync("role_requirements"));
    }

    [Fact]
    public async Task Listing_filters_on_a_literal_title_substring_pages_and_counts()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = Store(database);
        var percent = await store.CreateAsync(null, Content("100% remote engineer"));
        var plain = await store.CreateAsync(null, Content("Office engineer"));
        var underscore = await store.CreateAsync(null, Content("c_engineer"));

        var byPercent = await store.ListAsync(new RoleQuery(Title: "%"));
        var byUnderscore = await store.ListAsync(new RoleQuery(Title: "_"));
        var page = await store.ListAsync(new RoleQuery(Title: "ENGINEER", Offset: 1, Limit: 1));

        Assert.Equal([percent.Id], byPercent.Items.Select(r => r.Id));
        Assert.Equal([underscore.Id], byUnderscore.Items.Select(r => r.Id));
        Assert.Equal(3, page.Total);
        Assert.Equal([plain.Id], page.Items.Select(r => r.Id));
        Assert.Equal(3, page.Items[0].RequirementCount);
    }
}
