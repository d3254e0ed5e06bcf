using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

public sealed class SqliteIdempotencyStoreTests : TempDatabase
{
    private SqliteIdempotencyStore Store => new(Database);

    [Fact]
    public async Task First_reservation_is_kept_and_returned_to_later_candidates()
    {
        var first = Candidate("mx-ifdp-tapachula:intake", "key-1", "hash-a");

        Assert.Equal(first, await Store.ReserveAsync(first, default));
        Assert.Equal(first, await Store.ReserveAsync(Candidate("mx-ifdp-tapachula:intake", "key-1", "hash-b"), default));
    }

    [Fact]
    public async Task Same_key_in_another_scope_is_a_separate_reservation()
    {
        await Store.ReserveAsync(Candidate("mx-ifdp-tapachula:intake", "key-1", "hash-a"), default);
        var other = Candidate("gt-idpp-guatemala:intake", "key-1", "hash-a");

        Assert.Equal(other, await Store.ReserveAsync(other, default));
    }

    [Fact]
    public async Task Concurrent_reservations_of_one_key_all_get_the_same_resource()
    {
        var candidates = Enumerable.Range(0, 20).Select(_ => Candidate("scope", "key", "hash")).ToArray();

        var results = await Task.WhenAll(candidates.Select(c => Task.Run(() => Store.ReserveAsync(c, default))));

        var winner = Assert.Single(results.Select(r => r.ResourceId).Distinct());
        Assert.Contains(winner, candidates.Select(c => c.ResourceId));
    }

    private static IdempotencyRecord Candidate(string scope, string key, string hash) =>
        new(scope, key, hash, Guid.NewGuid(), TestCases.Start);
}
