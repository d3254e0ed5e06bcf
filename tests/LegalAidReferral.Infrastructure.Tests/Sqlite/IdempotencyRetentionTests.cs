using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

/// <summary>The guard and the purge over the SQLite store, with the default 24 h retention on a fake clock.</summary>
public sealed class IdempotencyRetentionTests : TempDatabase
{
    private const string Scope = "gt-idpp-guatemala:intake";

    private readonly FakeTimeProvider clock = new(TestCases.Start);
    private readonly IdempotencyOptions options = new();

    private SqliteIdempotencyStore Store => new(Database);

    private IdempotencyGuard Guard => new(Store, options, clock);

    [Fact]
    public async Task Key_within_retention_replays_the_first_resource()
    {
        var first = await Guard.ResourceIdAsync(Scope, "key-1", "hash-a", default);
        clock.Advance(options.Retention - TimeSpan.FromSeconds(1));

        var retry = await Guard.ResourceIdAsync(Scope, "key-1", "hash-a", default);
        var reuse = await Guard.ResourceIdAsync(Scope, "key-1", "hash-b", default);

        Assert.Equal(first.Value, retry.Value);
        Assert.Equal(FailureKind.IdempotencyKeyReused, reuse.Failure?.Kind);
    }

    [Fact]
    public async Task Key_past_retention_is_a_new_request_even_before_the_purge()
    {
        var first = await Guard.ResourceIdAsync(Scope, "key-1", "hash-a", default);
        clock.Advance(options.Retention + TimeSpan.FromSeconds(1));
        var sameBody = await Guard.ResourceIdAsync(Scope, "key-1", "hash-a", default);
        clock.Advance(options.Retention + TimeSpan.FromSeconds(1));
        var otherBody = await Guard.ResourceIdAsync(Scope, "key-1", "hash-b", default);

        Assert.NotEqual(first.Value, sameBody.Value);
        Assert.True(otherBody.IsSuccess);
        Assert.NotEqual(sameBody.Value, otherBody.Value);
    }

    [Fact]
    public async Task Purge_deletes_every_record_past_retention_in_batches_and_keeps_the_others()
    {
        var expired = PurgeExpiredIdempotencyKeys.BatchSize * 2 + 7;
        await Task.WhenAll(Enumerable.Range(0, expired).Select(i => Guard.ResourceIdAsync(Scope, $"old-{i}", "hash", default)));
        clock.Advance(options.Retention - TimeSpan.FromMinutes(1));
        var kept = await Guard.ResourceIdAsync(Scope, "recent", "hash", default);
        clock.Advance(TimeSpan.FromMinutes(2));

        var purged = await new PurgeExpiredIdempotencyKeys(Store, options, clock).RunAsync(default);

        Assert.Equal(expired, purged);
        Assert.Equal(1, Count());
        Assert.Equal(kept.Value, (await Guard.ResourceIdAsync(Scope, "recent", "hash", default)).Value);
    }

    private long Count() =>
        Database.Read(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM idempotency;";
                return (long)command.ExecuteScalar()!;
            },
            default);
}
