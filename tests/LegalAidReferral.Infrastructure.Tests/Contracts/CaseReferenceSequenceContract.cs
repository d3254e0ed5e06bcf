using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteCaseReferenceSequenceContract : CaseReferenceSequenceContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosCaseReferenceSequenceContract : CaseReferenceSequenceContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="ICaseReferenceSequence"/>: per office and year, never twice.</summary>
public abstract class CaseReferenceSequenceContract : StorageContract
{
    [Fact]
    public async Task Numbers_start_at_one_and_count_per_office_and_year_independently()
    {
        Assert.Equal(1, await NextAsync("mx-ifdp-tapachula", 2026));
        Assert.Equal(2, await NextAsync("mx-ifdp-tapachula", 2026));
        Assert.Equal(1, await NextAsync("mx-ifdp-tapachula", 2027));
        Assert.Equal(1, await NextAsync("gt-idpp-guatemala", 2026));
        Assert.Equal(3, await NextAsync("mx-ifdp-tapachula", 2026));
        Assert.Equal(2, await NextAsync("mx-ifdp-tapachula", 2027));
    }

    [Fact]
    public async Task Concurrent_calls_never_hand_out_a_number_twice()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => NextAsync("gt-idpp-guatemala", 2026))));

        Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), numbers.Order());
    }

    private async Task<long> NextAsync(string officeId, int year) => (await Storage.Sequence.NextAsync(officeId, year, default)).Number;
}
