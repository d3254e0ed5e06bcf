using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

/// <summary>What SQLite adds to <see cref="Contracts.CaseReferenceSequenceContract"/>: numbers are stored only with their cases.</summary>
public sealed class SqliteCaseReferenceSequenceTests : TempDatabase
{
    private SqliteCaseReferenceSequence sequence = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        sequence = new SqliteCaseReferenceSequence(Database);
    }

    [Fact]
    public async Task After_a_restart_numbering_resumes_after_the_highest_number_a_stored_case_claimed()
    {
        var store = new SqliteCaseStore(Database);
        var first = await sequence.NextAsync("gt-idpp-guatemala", 2026, default);
        var second = await sequence.NextAsync("gt-idpp-guatemala", 2026, default);
        await sequence.NextAsync("gt-idpp-guatemala", 2026, default);
        Assert.True(await store.TryCreateAsync(TestCases.Make("gt-idpp-guatemala"), second, [], default));
        Assert.True(await store.TryCreateAsync(TestCases.Make("gt-idpp-guatemala"), first, [], default));

        await ReopenAsync();

        Assert.Equal(3, (await new SqliteCaseReferenceSequence(Database).NextAsync("gt-idpp-guatemala", 2026, default)).Number);
    }

    [Fact]
    public async Task A_number_is_stored_only_with_the_case_that_claims_it()
    {
        var store = new SqliteCaseStore(Database);
        var @case = TestCases.Make("gt-idpp-guatemala");
        Assert.True(await store.TryCreateAsync(@case, await sequence.NextAsync("gt-idpp-guatemala", 2026, default), [], default));
        Assert.False(await store.TryCreateAsync(@case, await sequence.NextAsync("gt-idpp-guatemala", 2026, default), [], default));

        await ReopenAsync();

        Assert.Equal(2, (await new SqliteCaseReferenceSequence(Database).NextAsync("gt-idpp-guatemala", 2026, default)).Number);
    }
}
