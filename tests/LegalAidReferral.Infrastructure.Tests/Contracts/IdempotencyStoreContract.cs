using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Tests.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteIdempotencyStoreContract : IdempotencyStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosIdempotencyStoreContract : IdempotencyStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="IIdempotencyStore"/>: first reservation wins until it expires.</summary>
public abstract class IdempotencyStoreContract : StorageContract
{
    // Reservations of the tests that are not about expiry: nothing is old enough to expire.
    private static readonly DateTimeOffset NothingExpired = DateTimeOffset.MinValue;

    private IIdempotencyStore Store => Storage.Idempotency;

    [Fact]
    public async Task First_reservation_is_kept_and_returned_to_later_candidates()
    {
        var first = Candidate("mx-ifdp-tapachula:intake", "key-1", "hash-a");

        Assert.Equal(first, await Store.ReserveAsync(first, NothingExpired, default));
        Assert.Equal(first, await Store.ReserveAsync(Candidate("mx-ifdp-tapachula:intake", "key-1", "hash-b"), NothingExpired, default));
    }

    [Fact]
    public async Task Same_key_in_another_scope_is_a_separate_reservation()
    {
        await Store.ReserveAsync(Candidate("mx-ifdp-tapachula:intake", "key-1", "hash-a"), NothingExpired, default);
        var other = Candidate("gt-idpp-guatemala:intake", "key-1", "hash-a");

        Assert.Equal(other, await Store.ReserveAsync(other, NothingExpired, default));
    }

    [Fact]
    public async Task Concurrent_reservations_of_one_key_all_get_the_same_resource()
    {
        var candidates = Enumerable.Range(0, 20).Select(_ => Candidate("scope", "key", "hash")).ToArray();

        var results = await Task.WhenAll(candidates.Select(c => Task.Run(() => Store.ReserveAsync(c, NothingExpired, default))));

        var winner = Assert.Single(results.Select(r => r.ResourceId).Distinct());
        Assert.Contains(winner, candidates.Select(c => c.ResourceId));
    }

    [Fact]
    public async Task Expired_record_is_replaced_by_the_next_reservation_of_its_key()
    {
        await Store.ReserveAsync(Candidate("scope", "key", "hash-a"), NothingExpired, default);
        var later = Candidate("scope", "key", "hash-b", TestCases.Start.AddHours(25));

        Assert.Equal(later, await Store.ReserveAsync(later, TestCases.Start.AddSeconds(1), default));
        Assert.Equal(later, await Store.ReserveAsync(Candidate("scope", "key", "hash-c"), TestCases.Start.AddSeconds(1), default));
    }

    [Fact]
    public async Task Record_created_at_the_expiry_limit_is_kept()
    {
        var first = Candidate("scope", "key", "hash-a");
        await Store.ReserveAsync(first, NothingExpired, default);

        Assert.Equal(first, await Store.ReserveAsync(Candidate("scope", "key", "hash-b"), TestCases.Start, default));
    }

    [Fact]
    public async Task Delete_expired_removes_at_most_the_limit_and_only_records_older_than_the_limit()
    {
        var old = Enumerable.Range(0, 5).Select(i => Candidate("scope", $"old-{i}", "hash")).ToArray();
        var fresh = Candidate("scope", "fresh", "hash", TestCases.Start.AddHours(1));
        foreach (var record in old.Append(fresh))
        {
            await Store.ReserveAsync(record, NothingExpired, default);
        }

        var expiredBefore = TestCases.Start.AddMinutes(1);
        Assert.Equal(3, await Store.DeleteExpiredAsync(expiredBefore, 3, default));
        Assert.Equal(2, await Store.DeleteExpiredAsync(expiredBefore, 3, default));
        Assert.Equal(0, await Store.DeleteExpiredAsync(expiredBefore, 3, default));

        Assert.Equal(fresh, await Store.ReserveAsync(Candidate("scope", "fresh", "other"), expiredBefore, default));
        var reused = Candidate("scope", "old-0", "other");
        Assert.Equal(reused, await Store.ReserveAsync(reused, expiredBefore, default));
    }

    private static IdempotencyRecord Candidate(string scope, string key, string hash, DateTimeOffset? createdAt = null) =>
        new(scope, key, hash, Guid.NewGuid(), createdAt ?? TestCases.Start);
}
