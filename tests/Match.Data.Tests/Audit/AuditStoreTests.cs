using Match.Data.Audit;

namespace Match.Data.Tests.Audit;

public sealed class AuditStoreTests
{
    [Fact]
    public async Task Entries_read_back_newest_first_with_filters_and_paging()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = new AuditStore(database.Connections, TimeProvider.System);
        var hash = AuditEntry.HashInputs("role-hash", "resume-hash", "model-1");
        await store.AppendAsync(
        [
            new AuditEntry("key-a", "score", 1, 10, "model-1", hash, AuditEntry.Scored, 71.5, true),
            new AuditEntry("key-a", "score", 2, 10, "model-1", hash, AuditEntry.Scored, 40, false),
            AuditEntry.ForFailure("key-b", "batchScore", 1, 11, "model-1", null, "résumé not found"),
        ]);

        var all = await store.ListAsync(new AuditQuery());
        var byKey = await store.ListAsync(new AuditQuery(KeyId: "key-a"));
        var byRole = await store.ListAsync(new AuditQuery(RoleId: 1));
        var byResume = await store.ListAsync(new AuditQuery(ResumeId: 11));
        var page = await store.ListAsync(new AuditQuery(Offset: 1, Limit: 1));

        Assert.Equal(3, all.Total);
        Assert.Equal(["key-b", "key-a", "key-a"], all.Items.Select(r => r.Entry.KeyId));
        Assert.Equal(new AuditEntry("key-a", "score", 1, 10, "model-1", hash, "scored", 71.5, true), all.Items[2].Entry);
        Assert.Equal("failed: résumé not found", all.Items[0].Entry.Outcome);
        Assert.Equal(2, byKey.Total);
        Assert.Equal(2, byRole.Total);
        Assert.Equal(1, byResume.Total);
        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.Items.Single().Entry.RoleId);
    }

    [Fact]
    public void The_inputs_hash_is_stable_and_tells_different_splits_apart()
    {
        Assert.Equal(AuditEntry.HashInputs("a", "b"), AuditEntry.HashInputs("a", "b"));
        Assert.NotEqual(AuditEntry.HashInputs("ab", "c"), AuditEntry.HashInputs("a", "bc"));
        Assert.NotEqual(AuditEntry.HashInputs("a", null), AuditEntry.HashInputs("a"));
        Assert.Matches("^[0-9a-f]{64}$", AuditEntry.HashInputs("x"));
    }
}
