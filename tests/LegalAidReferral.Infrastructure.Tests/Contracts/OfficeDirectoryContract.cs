using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteOfficeDirectoryContract : OfficeDirectoryContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosOfficeDirectoryContract : OfficeDirectoryContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="IOfficeDirectory"/> and its seeding.</summary>
public abstract class OfficeDirectoryContract : StorageContract
{
    [Fact]
    public async Task Seeded_offices_are_listed_by_id_and_found()
    {
        var directory = Storage.Offices;

        await Storage.SeedOfficesAsync([MakeOffice("mx-ifdp-tapachula"), MakeOffice("gt-idpp-guatemala")]); 

        Assert.Equal(["gt-idpp-guatemala", "mx-ifdp-tapachula"], (await directory.ListAsync(default)).Select(o => o.Id));
        var found = await directory.FindAsync("mx-ifdp-tapachula", default);
        Assert.Equal([LegalIssueType.Asylum, LegalIssueType.Detention], found!.Mandate);
        Assert.Null(await directory.FindAsync("xx-unknown", default));
    }

    [Fact]
    public async Task Seeding_again_replaces_an_office_and_the_change_is_visible_at_once()
    {
        var directory = Storage.Offices;
        await Storage.SeedOfficesAsync([MakeOffice("gt-idpp-guatemala")]);
        Assert.NotNull(await directory.FindAsync("gt-idpp-guatemala", default));

        await Storage.SeedOfficesAsync([MakeOffice("gt-idpp-guatemala") with { Name = "Renamed" }]);

        Assert.Equal("Renamed", (await directory.FindAsync("gt-idpp-guatemala", default))!.Name);
        Assert.Single(await directory.ListAsync(default));
    }

    internal static Office MakeOffice(string id) =>
        new()
        {
            Id = id,
            Name = "Unit " + id,
            Institution = "Institution",
            Country = id[..2].ToUpperInvariant(),
            Locality = "Locality",
            TimeZone = "America/Guatemala",
            Languages = ["es"],
            FocalPoint = new FocalPoint("Focal point (placeholder)", "focal.point@example.org", "+000 0000 0000"),
            Mandate = [LegalIssueType.Asylum, LegalIssueType.Detention],
            AcceptsCrossBorderReferrals = true,
        };
}
