using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Infrastructure.Sqlite;
using LegalAidReferral.Infrastructure.Tests.Sqlite;
using static LegalAidReferral.Infrastructure.Tests.Conflicts.Parties;

namespace LegalAidReferral.Infrastructure.Tests.Conflicts;

/// <summary>What SQLite adds to <see cref="Contracts.PartySearchContract"/>: the index tables, their backfill and concurrency of the one writer.</summary>
public sealed class SqlitePartySearchTests : TempDatabase
{
    private static readonly Guid NoCase = Guid.Empty;

    private SqliteCaseStore Store => new(Database);

    private SqlitePartySearch Search => new(Database);

    [Fact]
    public async Task Concurrent_writes_and_searches_leave_every_case_findable()
    {
        var cases = Enumerable.Range(0, 200)
            .Select(i => Case(Office, $"Cliente Número{Letters(i)}", adverseParties: [$"Contraparte Apellido{Letters(i)}"]))
            .ToArray();

        await Task.WhenAll(
            Parallel.ForAsync(0, cases.Length, async (i, token) =>
            {
                Assert.True(await Store.TryCreateAsync(cases[i], TestNumber, [], token));
                Assert.True(await Store.TryReplaceAsync(Renamed(cases[i], $"Cliente Renombrado{Letters(i)}"), 1, [], token));
            }),
            Parallel.ForAsync(0, cases.Length, async (i, token) => await Search.SearchAsync(Office, Person($"Contraparte Apellido{Letters(i)}"), NoCase, token)));

        Assert.Equal(400, Count("parties"));
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Contains(await FindAsync(Office, Person($"Contraparte Apellido{Letters(i)}")), m => m.Candidate.CaseId == cases[i].Id);
            Assert.Contains(await FindAsync(Office, Person($"Cliente Renombrado{Letters(i)}")), m => m.Candidate.CaseId == cases[i].Id);
        }
    }

    [Fact]
    public async Task The_index_survives_reopening_the_database()
    {
        var stored = await CreateAsync(Case(Office, "José Pérez García"));

        await ReopenAsync();

        Assert.Equal(stored.Id, Assert.Single(await FindAsync(Office, Person("Jose Perez"))).Candidate.CaseId);
    }

    [Fact]
    public async Task Cases_stored_before_the_index_existed_are_indexed_once_at_start()
    {
        var stored = await CreateAsync(Case(Office, "Ana Gómez", adverseParties: ["José Pérez García"]));
        Execute("DROP TABLE parties; DROP TABLE party_words; DROP TABLE party_documents; DROP TABLE words; DROP TABLE word_deletions; PRAGMA user_version = 0;");

        await ReopenAsync();

        Assert.Equal(stored.Id, Assert.Single(await FindAsync(Office, Person("Jose Perez"))).Candidate.CaseId);
        Assert.Equal(stored.Id, Assert.Single(await FindAsync(Office, Person("Ana Gomez"))).Candidate.CaseId);
        Assert.Equal(2, Count("parties"));
        Assert.Equal(1L, Scalar("PRAGMA user_version;"));
    }

    [Fact]
    public async Task A_database_already_indexed_is_not_indexed_again_at_start()
    {
        await CreateAsync(Case(Office, "Ana Gómez"));
        Execute("DELETE FROM party_words; DELETE FROM parties;");

        await ReopenAsync();

        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM parties;"));
    }

    private async Task<Case> CreateAsync(Case @case)
    {
        Assert.True(await Store.TryCreateAsync(@case, TestNumber, [], default));
        return @case;
    }

    private Task<IReadOnlyList<PartyMatch>> FindAsync(string officeId, PartyProfile query) => Search.SearchAsync(officeId, query, NoCase, default);

    private long Count(string table) => (long)Scalar($"SELECT COUNT(*) FROM {table} WHERE office_id = '{Office}';")!;

    private object? Scalar(string sql) =>
        Database.Read(
            read =>
            {
                var command = read.Command(sql);
                return command.ExecuteScalar();
            },
            default);

    private void Execute(string sql) =>
        Database.Read(
            read =>
            {
                var command = read.Command(sql);
                return command.ExecuteNonQuery();
            },
            default);

    // Folding drops digits, so the case number is spelled in letters: a distinct word per case.
    private static string Letters(int i) => new([(char)('a' + (i / 676 % 26)), (char)('a' + (i / 26 % 26)), (char)('a' + (i % 26))]);
}
