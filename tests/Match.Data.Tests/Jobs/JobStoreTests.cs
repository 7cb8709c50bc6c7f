using Match.Data.Jobs;
using Match.Data.Resumes;
using Match.Data.Tests.Scores;

namespace Match.Data.Tests.Jobs;

public sealed class JobStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static JobResult Result(int item, long roleId, long? resumeId = null, string? error = null) =>
        new(item, roleId, resumeId, error is null ? 50 : null, error is null ? true : null, "{}", error);

    [Fact]
    public async Task A_job_is_stored_with_its_items_and_counts_its_pairs()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new JobStore(db.Connections, TimeProvider.System);

        var job = await store.CreateAsync(new JobSpec([new JobItem(0, 5, null, null, [1, 2]), new JobItem(1, null, "text", "c-1", [2])], "{}", null));
        var items = await store.ItemsAsync(job.Id);

        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(3, job.Total);
        Assert.Equal(0, job.Done);
        Assert.Equal([1L, 2L], items[0].RoleIds);
        Assert.Equal("text", items[1].Text);
        Assert.Equal("c-1", items[1].Ref);
    }

    [Fact]
    public async Task A_job_keeps_the_key_id_that_submitted_it_and_older_jobs_have_none()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new JobStore(db.Connections, TimeProvider.System);

        var keyed = await store.CreateAsync(new JobSpec([new JobItem(0, null, "a", null, [1])], "{}", null, "k3f9a"));
        var anonymous = await store.CreateAsync(new JobSpec([new JobItem(0, null, "b", null, [1])], "{}", null));
        var claimed = await store.ClaimNextAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("k3f9a", keyed.RequesterKeyId);
        Assert.Equal("k3f9a", (await store.GetAsync(keyed.Id))!.RequesterKeyId);
        Assert.Equal("k3f9a", claimed!.RequesterKeyId);
        Assert.Null((await store.GetAsync(anonymous.Id))!.RequesterKeyId);
    }

    [Fact]
    public async Task Appending_a_chunk_twice_writes_each_pair_once_and_counts_it_once()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new JobStore(db.Connections, TimeProvider.System);
        var job = await store.CreateAsync(new JobSpec([new JobItem(0, null, "a", null, [1, 2]), new JobItem(1, null, "b", null, [1, 2])], "{}", null));
        await store.ClaimNextAsync(Lease);

        Assert.True(await store.AppendResultsAsync(job.Id, [Result(0, 1), Result(0, 2)], "m1", Lease));
        Assert.True(await store.AppendResultsAsync(job.Id, [Result(0, 1), Result(0, 2), Result(1, 1), Result(1, 2, error: "role 2 not found")], "m1", Lease));

        var read = await store.GetAsync(job.Id);
        Assert.Equal(4, read!.Done);
        Assert.Equal(1, read.Failed);
        Assert.Equal(4, await db.CountAsync("job_results"));
        Assert.Equal(4, (await store.DonePairsAsync(job.Id)).Count);
        var error = Assert.Single(await store.ErrorsAsync(job.Id, 10));
        Assert.Equal((1, 2L), (error.Item, error.RoleId));
    }

    [Fact]
    public async Task A_running_job_is_claimed_again_only_after_its_lease_runs_out()
    {
        await using var db = await TempDatabase.CreateAsync();
        var clock = new SettableClock();
        var store = new JobStore(db.Connections, clock);
        var job = await store.CreateAsync(new JobSpec([new JobItem(0, null, "a", null, [1])], "{}", null));

        Assert.Equal(job.Id, (await store.ClaimNextAsync(Lease))?.Id);
        Assert.Null(await store.ClaimNextAsync(Lease));
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var reclaimed = await store.ClaimNextAsync(Lease);

        Assert.Equal(job.Id, reclaimed?.Id);
        Assert.Equal(JobState.Running, reclaimed!.State);
    }

    [Fact]
    public async Task Finishing_erases_inline_texts_and_makes_the_callback_due()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new JobStore(db.Connections, TimeProvider.System);
        var job = await store.CreateAsync(new JobSpec([new JobItem(0, null, "private résumé text", null, [1])], "{}", "http://127.0.0.1:1/hook"));
        await store.ClaimNextAsync(Lease);

        Assert.True(await store.FinishAsync(job.Id, JobState.Succeeded));
        Assert.False(await store.FinishAsync(job.Id, JobState.Failed));

        Assert.Null((await store.ItemsAsync(job.Id))[0].Text);
        var due = Assert.Single(await store.DueCallbacksAsync(10));
        Assert.Equal(CallbackState.Pending, due.CallbackState);
        await store.RecordCallbackAttemptAsync(job.Id, CallbackState.Pending, DateTimeOffset.UtcNow.AddHours(1), "the callback URL answered 500");
        Assert.Empty(await store.DueCallbacksAsync(10));
        await store.RecordCallbackAttemptAsync(job.Id, CallbackState.Delivered, null, null);
        var delivered = await store.GetAsync(job.Id);
        Assert.Equal((CallbackState.Delivered, 2L), (delivered!.CallbackState, delivered.CallbackAttempts));
    }

    [Fact]
    public async Task A_cancelled_job_takes_no_more_results_and_cannot_be_cancelled_twice()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new JobStore(db.Connections, TimeProvider.System);
        var job = await store.CreateAsync(new JobSpec([new JobItem(0, null, "a", null, [1, 2])], "{}", null));
        await store.ClaimNextAsync(Lease);
        await store.AppendResultsAsync(job.Id, [Result(0, 1)], "m1", Lease);

        var (outcome, cancelled) = await store.CancelAsync(job.Id);
        var writtenAfter = await store.AppendResultsAsync(job.Id, [Result(0, 2)], "m1", Lease);
        var (again, _) = await store.CancelAsync(job.Id);
        var (missing, _) = await store.CancelAsync(999);

        Assert.Equal(CancelOutcome.Cancelled, outcome);
        Assert.Equal(JobState.Cancelled, cancelled!.State);
        Assert.False(writtenAfter);
        Assert.Equal(1, await db.CountAsync("job_results"));
        Assert.Equal(CancelOutcome.AlreadyFinished, again);
        Assert.Equal(CancelOutcome.NotFound, missing);
        Assert.Null(await store.ClaimNextAsync(Lease));
    }

    [Fact]
    public async Task Missing_ids_are_named_and_erasing_a_resume_erases_its_job_results()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new JobStore(db.Connections, TimeProvider.System);
        var role = await StoredRows.RoleAsync(db, "Analyst");
        var resume = await StoredRows.ResumeAsync(db, "Analyst with SQL");

        var (roles, resumes) = await store.MissingAsync([role.Id, 77, 77], [resume.Id, 88]);
        var job = await store.CreateAsync(new JobSpec([new JobItem(0, resume.Id, null, null, [role.Id])], "{}", null));
        await store.ClaimNextAsync(Lease);
        await store.AppendResultsAsync(job.Id, [Result(0, role.Id, resume.Id)], "m1", Lease);
        await new ResumeStore(db.Connections, TimeProvider.System).DeleteAsync(resume.Id);

        Assert.Equal([77L], roles);
        Assert.Equal([88L], resumes);
        Assert.Equal(0, await db.CountAsync("job_results"));
    }

    [Fact]
    public async Task Results_page_in_item_then_role_order()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new JobStore(db.Connections, TimeProvider.System);
        var job = await store.CreateAsync(new JobSpec([new JobItem(0, null, "a", null, [2, 1]), new JobItem(1, null, "b", null, [1])], "{}", null));
        await store.ClaimNextAsync(Lease);
        await store.AppendResultsAsync(job.Id, [Result(1, 1), Result(0, 2), Result(0, 1)], "m1", Lease);

        var first = await store.ResultsAsync(job.Id, 0, 2);
        var rest = await store.ResultsAsync(job.Id, 2, 2);

        Assert.Equal([(0, 1L), (0, 2L)], first.Items.Select(r => (r.Item, r.RoleId)));
        Assert.Equal([(1, 1L)], rest.Items.Select(r => (r.Item, r.RoleId)));
        Assert.Equal(3, first.Total);
    }

    private sealed class SettableClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
