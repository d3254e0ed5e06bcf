using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Infrastructure.Conflicts;
using LegalAidReferral.Infrastructure.Sqlite;
using LegalAidReferral.Infrastructure.Tests.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Conflicts;

public sealed class PartyIndexLoaderTests : TempDatabase
{
    private const string Office = "mx-ifdp-tapachula";

    [Fact]
    public async Task Start_indexes_the_parties_of_every_stored_case_then_reports_loaded()
    {
        var store = new SqliteCaseStore(Database);
        var stored = TestCases.Make(Office, fullName: "José Pérez García");
        await store.TryCreateAsync(stored, default);
        var index = new PartyIndex();
        Assert.False(index.IsLoaded);

        await new PartyIndexLoader(store, index).StartAsync(default);

        Assert.True(index.IsLoaded);
        var query = PartyProfile.Of(TestCases.Make(Office, fullName: "Jose Perez"))[0];
        Assert.Equal(stored.Id, Assert.Single(index.Search(Office, query, Guid.Empty)).Candidate.CaseId);
    }

    [Fact]
    public async Task Writes_through_the_indexing_store_are_searchable_at_once_and_failed_writes_are_not()
    {
        var index = new PartyIndex();
        var store = new IndexingCaseStore(new SqliteCaseStore(Database), index);
        var first = TestCases.Make(Office, fullName: "Ana Gómez");
        await store.TryCreateAsync(first, default);

        var renamed = first with { Details = first.Details with { Client = first.Details.Client with { FullName = "Roberto Sandoval" } }, Version = 2 };
        Assert.False(await store.TryReplaceAsync(renamed, expectedVersion: 5, default));
        Assert.Equal("Ana Gómez", Found(index, "Ana Gomez"));

        Assert.True(await store.TryReplaceAsync(renamed, expectedVersion: 1, default));
        Assert.Equal("Roberto Sandoval", Found(index, "Roberto Sandoval"));
        Assert.Empty(index.Search(Office, PartyProfile.Of(TestCases.Make(Office, fullName: "Ana Gomez"))[0], Guid.Empty));
    }

    private static string Found(PartyIndex index, string name) =>
        Assert.Single(index.Search(Office, PartyProfile.Of(TestCases.Make(Office, fullName: name))[0], Guid.Empty)).MatchedName;
}
