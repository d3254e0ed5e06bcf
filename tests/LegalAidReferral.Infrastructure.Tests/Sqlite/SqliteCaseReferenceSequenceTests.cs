using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

public sealed class SqliteCaseReferenceSequenceTests : TempDatabase
{
    private SqliteCaseReferenceSequence Sequence => new(Database);

    [Fact]
    public async Task Numbers_start_at_one_and_count_per_office_and_year_independently()
    {
        Assert.Equal(1, await Sequence.NextAsync("mx-ifdp-tapachula", 2026, default));
        Assert.Equal(2, await Sequence.NextAsync("mx-ifdp-tapachula", 2026, default));
        Assert.Equal(1, await Sequence.NextAsync("mx-ifdp-tapachula", 2027, default));
        Assert.Equal(1, await Sequence.NextAsync("gt-idpp-guatemala", 2026, default));
        Assert.Equal(3, await Sequence.NextAsync("mx-ifdp-tapachula", 2026, default));
        Assert.Equal(2, await Sequence.NextAsync("mx-ifdp-tapachula", 2027, default));
    }

    [Fact]
    public async Task Concurrent_calls_never_hand_out_a_number_twice()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Sequence.NextAsync("gt-idpp-guatemala", 2026, default))));

        Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), numbers.Order());
    }
}
