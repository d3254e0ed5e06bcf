using LegalAidReferral.Infrastructure.Seed;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

public sealed class SqliteTriagePolicyStoreTests : TempDatabase
{
    private static readonly string[] Offices = ["gt-idpp-guatemala", "mx-ifdp-tapachula"];

    [Fact]
    public async Task Versions_are_added_the_newest_is_current_and_older_ones_stay()
    {
        var store = new SqliteTriagePolicyStore(Database);
        var seed = SeedPolicies.Load(SeedOffices.Load().Select(o => o.Id)).Single(p => p.OfficeId == Offices[0]);
        await store.SeedMissingAsync([seed], default);

        Assert.True(await store.TryAddAsync(seed with { Version = 2, Description = "second" }, default));
        Assert.False(await store.TryAddAsync(seed with { Version = 2, Description = "racing" }, default));

        Assert.Equal("second", (await store.FindCurrentAsync(Offices[0], default))!.Description);
        Assert.Equal(seed.Criteria.Count, (await store.FindVersionAsync(Offices[0], 1, default))!.Criteria.Count);
        Assert.Null(await store.FindCurrentAsync(Offices[1], default));
    }

    [Fact]
    public async Task Seeding_again_keeps_an_office_s_own_versions()
    {
        var store = new SqliteTriagePolicyStore(Database);
        var seeds = SeedPolicies.Load(SeedOffices.Load().Select(o => o.Id));
        await store.SeedMissingAsync(seeds, default);
        var edited = seeds[0] with { Version = 2, Description = "admin's edit" };
        await store.TryAddAsync(edited, default);

        await store.SeedMissingAsync(seeds, default);

        Assert.Equal("admin's edit", (await store.FindCurrentAsync(edited.OfficeId, default))!.Description);
    }
}
