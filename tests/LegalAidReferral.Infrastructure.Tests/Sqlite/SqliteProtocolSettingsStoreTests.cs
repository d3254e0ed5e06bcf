using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Infrastructure.Sqlite;
using static LegalAidReferral.Infrastructure.Tests.Contracts.ProtocolSettingsStoreContract;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

/// <summary>What SQLite adds to <see cref="Contracts.ProtocolSettingsStoreContract"/>: the settings live in a file.</summary>
public sealed class SqliteProtocolSettingsStoreTests : TempDatabase
{
    private const string Office = "mx-ifdp-tapachula";

    [Fact]
    public async Task Settings_survive_a_reopen_and_a_second_seed()
    {
        var store = new SqliteProtocolSettingsStore(Database);
        await store.SeedMissingAsync([Office], default);
        await store.TryAddAsync(Tighter(2), [], default);

        await ReopenAsync();
        var reopened = new SqliteProtocolSettingsStore(Database);
        await reopened.SeedMissingAsync([Office], default);

        var current = (await reopened.CurrentAsync(Office, default))!;
        Assert.Equal(2, current.Version);
        Assert.Equal(new Holiday(new DateOnly(2026, 12, 25), "Navidad"), Assert.Single(current.Holidays));
    }
}
