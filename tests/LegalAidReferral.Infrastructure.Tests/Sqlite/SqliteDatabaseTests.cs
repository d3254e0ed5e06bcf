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
        await new SqliteCaseStore(Database).TryCreateAsync(@case, [], default);
        await new SqliteIdempotencyStore(Database).ReserveAsync(reservation, default);
        await new SqliteCaseReferenceSequence(Database).NextAsync("mx-ifdp-tapachula", 2026, default);
        await new SqliteOfficeDirectory(Database).SeedAsync([SqliteOfficeDirectoryTests.MakeOffice("mx-ifdp-tapachula")], default);
        await using (var trail = new SqliteAuditTrail(Database))
        {
            await trail.RecordAsync([entry], default);
        }

        await ReopenAsync();

        Assert.Equal(@case.Reference, (await new SqliteCaseStore(Database).FindAsync("mx-ifdp-tapachula", @case.Id, default))?.Reference);
        Assert.Equal(reservation.ResourceId, (await new SqliteIdempotencyStore(Database).ReserveAsync(reservation with { ResourceId = Guid.NewGuid() }, default)).ResourceId);
        Assert.Equal(2, await new SqliteCaseReferenceSequence(Database).NextAsync("mx-ifdp-tapachula", 2026, default));
        Assert.NotNull(await new SqliteOfficeDirectory(Database).FindAsync("mx-ifdp-tapachula", default));
        await using var reopenedTrail = new SqliteAuditTrail(Database);
        Assert.Single((await reopenedTrail.ListForCaseAsync("mx-ifdp-tapachula", @case.Id, new PageRequest(10, null), default)).Items);
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
        var mode = Database.Read(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                return command.ExecuteScalar();
            },
            default);

        Assert.Equal("wal", mode);
        Assert.True(File.Exists(Path.Combine(Folder, SqliteDatabase.FileName)));
    }

    [Fact]
    public async Task Uninitialized_database_is_unhealthy_and_refuses_work()
    {
        var folder = Path.Combine(Folder, "other");
        await using var fresh = new SqliteDatabase(new SqliteStorageOptions(folder));

        Assert.False(await fresh.IsHealthyAsync(default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteCaseStore(fresh).TryCreateAsync(TestCases.Make("mx-ifdp-tapachula"), [], default));
    }
}
