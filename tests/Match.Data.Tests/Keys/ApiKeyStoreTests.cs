using Match.Data.Keys;

namespace Match.Data.Tests.Keys;

public sealed class ApiKeyStoreTests
{
    private static readonly string Hash = new('a', 64);

    [Fact]
    public async Task A_created_key_is_found_by_its_key_id_with_its_hash_and_listed_without_it()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = new ApiKeyStore(database.Connections, TimeProvider.System);

        var created = await store.CreateAsync("0123456789abcdef", "ats", ApiScope.Write, Hash);
        var found = await store.FindAsync("0123456789abcdef");
        var listed = await store.ListAsync();

        Assert.Equal(ApiScope.Write, created.Scope);
        Assert.Null(created.RevokedAt);
        Assert.Equal(created, found!.Key);
        Assert.Equal(Hash, found.KeyHash);
        Assert.Equal([created], listed);
        Assert.Null(await store.FindAsync("fedcba9876543210"));
    }

    [Fact]
    public async Task Revocation_stamps_the_time_once_and_keeps_the_row()
    {
        await using var database = await TempDatabase.CreateAsync();
        var clock = new SteppingClock();
        var store = new ApiKeyStore(database.Connections, clock);
        await store.CreateAsync("0123456789abcdef", "ats", ApiScope.Read, Hash);

        var first = await store.RevokeAsync("0123456789abcdef");
        var second = await store.RevokeAsync("0123456789abcdef");

        Assert.True(first!.IsRevoked);
        Assert.Equal(first.RevokedAt, second!.RevokedAt);
        Assert.Null(await store.RevokeAsync("fedcba9876543210"));
        Assert.Equal(1, await database.CountAsync("api_keys"));
    }

    [Theory]
    [InlineData(ApiScope.Read, ApiScope.Read, true)]
    [InlineData(ApiScope.Read, ApiScope.Write, false)]
    [InlineData(ApiScope.Write, ApiScope.Read, true)]
    [InlineData(ApiScope.Write, ApiScope.Admin, false)]
    [InlineData(ApiScope.Admin, ApiScope.Write, true)]
    [InlineData(ApiScope.Admin, ApiScope.Admin, true)]
    public void Scopes_nest(ApiScope held, ApiScope required, bool granted) =>
        Assert.Equal(granted, new ApiKey(1, "k", "n", held, DateTimeOffset.UnixEpoch, null).Grants(required));

    [Fact]
    public async Task The_schema_refuses_a_second_key_with_the_same_id_and_hashes_of_the_wrong_length()
    {
        await using var database = await TempDatabase.CreateAsync();
        var store = new ApiKeyStore(database.Connections, TimeProvider.System);
        await store.CreateAsync("0123456789abcdef", "ats", ApiScope.Read, Hash);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => store.CreateAsync("0123456789abcdef", "other", ApiScope.Read, Hash));
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => store.CreateAsync("1123456789abcdef", "other", ApiScope.Read, "plain-secret"));
    }

    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now = _now.AddSeconds(1);
    }
}
