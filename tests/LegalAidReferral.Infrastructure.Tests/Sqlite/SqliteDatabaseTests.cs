using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

public sealed class SqliteDatabaseTests : TempDatabase
{
    [Fact]
    public async Task Data_survives_closing_and_reopening_the_database()
    {
        var @case = TestCases.Make("mx-ifdp-tapachula");
        var reservation = new IdempotencyRecord("scope", "key", "hash", Guid.NewGuid(), TestCases.Start);
        var entry = new AuditEntry(Guid.NewGuid(), "mx-ifdp-tapachula", @case.Id, AuditAction.CaseCreated, "defender-1", "mx-ifdp-tapachula", TestCases.Start, "c-1", []);
        var number = await new SqliteCaseReferenceSequence(Database).NextAsync("mx-ifdp-tapachula", 2026, default);
        await new SqliteCaseStore(Database).TryCreateAsync(@case, number, [], default);
        await new SqliteIdempotencyStore(Database).ReserveAsync(reservation, DateTimeOffset.MinValue, default);
        await new SqliteOfficeDirectory(Database).SeedAsync([Contracts.OfficeDirectoryContract.MakeOffice("mx-ifdp-tapachula")], default);
        await new SqliteAuditTrail(Database).RecordAsync([entry], default);

        await ReopenAsync();

        Assert.Equal(@case.Reference, (await new SqliteCaseStore(Database).FindAsync("mx-ifdp-tapachula", @case.Id, default))?.Reference);
        Assert.Equal(reservation.ResourceId, (await new SqliteIdempotencyStore(Database).ReserveAsync(reservation with { ResourceId = Guid.NewGuid() }, DateTimeOffset.MinValue, default)).ResourceId);
        Assert.Equal(2, (await new SqliteCaseReferenceSequence(Database).NextAsync("mx-ifdp-tapachula", 2026, default)).Number);
        Assert.NotNull(await new SqliteOfficeDirectory(Database).FindAsync("mx-ifdp-tapachula", default));
        var reopenedTrail = new SqliteAuditTrail(Database);
        Assert.Single((await reopenedTrail.ListForCaseAsync("mx-ifdp-tapachula", @case.Id, new PageRequest(10, null), default)).Items);
    }

    [Fact]
    public async Task The_log_is_checkpointed_in_the_background_once_enough_writes_are_committed()
    {
        var trail = new SqliteAuditTrail(Database);
        for (var i = 1; i < SqliteCheckpointer.WritesPerCheckpoint; i++)
        {
            await trail.RecordAsync([Entry()], default);
        }

        Assert.Equal(0, Database.Checkpoints);

        await trail.RecordAsync([Entry()], default);

        Assert.True(SpinWait.SpinUntil(() => Database.Checkpoints == 1, TimeSpan.FromSeconds(30)), "No background checkpoint ran.");
        var (frames, checkpointed) = Database.Read(
            read =>
            {
                using var log = read.Command("PRAGMA wal_checkpoint(PASSIVE);").ExecuteReader();
                Assert.True(log.Read());
                return (log.GetInt64(1), log.GetInt64(2));
            },
            default);
        Assert.Equal(frames, checkpointed);

        static AuditEntry Entry() => new(Guid.NewGuid(), "mx-ifdp-tapachula", Guid.NewGuid(), AuditAction.CaseCreated, "defender-1", "mx-ifdp-tapachula", TestCases.Start, "c-1", []);
    }

    [Fact]
    public async Task Initializing_twice_is_harmless()
    {
        await Database.InitializeAsync(default);

        Assert.True(await Database.IsHealthyAsync(default));
    }

    [Fact]
    public void Database_file_uses_write_ahead_logging()
    {
        var mode = Database.Read(read => read.Command("PRAGMA journal_mode;").ExecuteScalar(), default);

        Assert.Equal("wal", mode);
        Assert.True(File.Exists(Path.Combine(Folder, SqliteDatabase.FileName)));
    }

    [Fact]
    public async Task Uninitialized_database_is_unhealthy_and_refuses_work()
    {
        var folder = Path.Combine(Folder, "other");
        await using var fresh = new SqliteDatabase(new SqliteStorageOptions(folder));

        Assert.False(await fresh.IsHealthyAsync(default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteCaseStore(fresh).TryCreateAsync(TestCases.Make("mx-ifdp-tapachula"), TestNumber, [], default));
    }

    [Fact]
    public async Task Concurrent_writes_commit_together_and_a_failing_one_is_undone_alone()
    {
        var store = new SqliteCaseStore(Database);
        var cases = Enumerable.Range(0, 40).Select(_ => TestCases.Make("mx-ifdp-tapachula")).ToArray();
        var failing = Database.WriteAsync<int>(
            write =>
            {
                write.Command("INSERT INTO offices (id, document) VALUES ('half-written', '{}');").ExecuteNonQuery();
                throw new InvalidOperationException("fails after writing");
            },
            default);

        var created = await Task.WhenAll(cases.Select(c => Task.Run(() => store.TryCreateAsync(c, TestNumber, [], default))));

        Assert.All(created, Assert.True);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        foreach (var @case in cases)
        {
            Assert.NotNull(await store.FindAsync("mx-ifdp-tapachula", @case.Id, default));
        }

        Assert.Null(await new SqliteOfficeDirectory(Database).FindAsync("half-written", default));
    }

    [Fact]
    public async Task The_writer_prepares_a_statement_once_and_reuses_it_in_later_commits()
    {
        const string Sql = "SELECT count(*) FROM offices;";
        var first = await Database.WriteAsync(write => write.Command(Sql), default);
        var second = await Database.WriteAsync(write => write.Command(Sql), default);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_reused_read_connection_sees_what_was_committed_after_its_statement_was_prepared()
    {
        const string Count = "SELECT count(*) FROM offices;";
        var before = Database.Read(read => (Statement: read.Command(Count), Count: (long)read.Command(Count).ExecuteScalar()!), default);
        await new SqliteOfficeDirectory(Database).SeedAsync([Contracts.OfficeDirectoryContract.MakeOffice("mx-ifdp-tapachula")], default);

        var after = Database.Read(read => (Statement: read.Command(Count), Count: (long)read.Command(Count).ExecuteScalar()!), default);

        Assert.Same(before.Statement, after.Statement);
        Assert.Equal(before.Count + 1, after.Count);
    }

    [Fact]
    public void Reads_running_at_the_same_time_use_different_connections()
    {
        var (outer, inner) = Database.Read(outer => (outer, Database.Read(inner => inner, default)), default);

        Assert.NotSame(outer, inner);
    }

    [Fact]
    public async Task A_write_cancelled_before_it_runs_does_not_run()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ran = false;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Database.WriteAsync(_ => ran = true, cancelled.Token));

        Assert.False(ran);
    }
}
