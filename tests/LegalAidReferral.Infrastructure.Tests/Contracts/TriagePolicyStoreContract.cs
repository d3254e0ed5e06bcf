using LegalAidReferral.Infrastructure.Seed;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteTriagePolicyStoreContract : TriagePolicyStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosTriagePolicyStoreContract : TriagePolicyStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="ITriagePolicyStore"/> and its seeding.</summary>
public abstract class TriagePolicyStoreContract : StorageContract
{
    private static readonly string[] Offices = ["gt-idpp-guatemala", "mx-ifdp-tapachula"];

    [Fact]
    public async Task Versions_are_added_the_newest_is_current_and_older_ones_stay()
    {
        var store = Storage.Policies;
        var seed = SeedPolicies.Load(SeedOffices.Load().Select(o => o.Id)).Single(p => p.OfficeId == Offices[0]);
        await Storage.SeedPoliciesAsync([seed]);

        Assert.True(await store.TryAddAsync(seed with { Version = 2, Description = "second" }, default));
        Assert.False(await store.TryAddAsync(seed with { Version = 2, Description = "racing" }, default));

        Assert.Equal("second", (await store.FindCurrentAsync(Offices[0], default))!.Description);
        Assert.Equal(seed.Criteria.Count, (await store.FindVersionAsync(Offices[0], 1, default))!.Criteria.Count);
        Assert.Null(await store.FindCurrentAsync(Offices[1], default));
    }

    [Fact]
    public async Task Seeding_again_keeps_an_office_s_own_versions()
    {
        var store = Storage.Policies;
        var seeds = SeedPolicies.Load(SeedOffices.Load().Select(o => o.Id));
        await Storage.SeedPoliciesAsync(seeds);
        var edited = seeds[0] with { Version = 2, Description = "admin's edit" };
        await store.TryAddAsync(edited, default);

        await Storage.SeedPoliciesAsync(seeds);

        Assert.Equal("admin's edit", (await store.FindCurrentAsync(edited.OfficeId, default))!.Description);
    }
}
