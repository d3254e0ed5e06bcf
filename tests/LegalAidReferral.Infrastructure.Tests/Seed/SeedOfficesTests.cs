using LegalAidReferral.Core.Offices;
using LegalAidReferral.Infrastructure.Seed;
using LegalAidReferral.Infrastructure.Tests.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Seed;

public sealed class SeedOfficesTests
{
    [Fact]
    public void Embedded_seed_is_valid_and_spans_the_network()
    {
        var offices = SeedOffices.Load();

        Assert.True(offices.Count >= 6);
        var countries = offices.Select(o => o.Country).Distinct().ToArray();
        Assert.True(countries.Length >= 4);
        Assert.Contains("GT", countries);
        Assert.Contains("MX", countries);
        Assert.All(offices, o => Assert.EndsWith("@example.org", o.FocalPoint.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Embedded_seed_marks_unverified_local_units_as_demo_and_headquarters_not()
    {
        var offices = SeedOffices.Load().ToDictionary(o => o.Id);

        Assert.True(offices["mx-ifdp-tapachula"].DemoUnit);
        Assert.True(offices["gt-idpp-quetzaltenango"].DemoUnit);
        Assert.False(offices["gt-idpp-guatemala"].DemoUnit);
        Assert.Equal("America/Mexico_City", offices["mx-ifdp-tapachula"].TimeZone);
    }

    public static TheoryData<Office, string> BadOffices() =>
        new()
        {
            { Good() with { Country = "gt" }, "country" },
            { Good() with { Id = "mx-idpp-guatemala" }, "id" },
            { Good() with { TimeZone = "America/Atlantis" }, "timeZone" },
            { Good() with { Languages = [] }, "languages" },
            { Good() with { Mandate = [] }, "mandate" },
            { Good() with { Name = " " }, "name" },
        };

    [Theory]
    [MemberData(nameof(BadOffices))]
    public void Validator_rejects_a_bad_office_naming_it_and_the_field(Office bad, string field)
    {
        var error = Assert.Throws<InvalidDataException>(() => SeedOffices.Validate([Good() with { Id = "gt-ok" }, bad]));

        Assert.Contains($"'{bad.Id}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_rejects_a_repeated_id()
    {
        var error = Assert.Throws<InvalidDataException>(() => SeedOffices.Validate([Good(), Good()]));

        Assert.Contains("'gt-idpp-guatemala'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_names_the_place_of_a_malformed_entry()
    {
        var error = Assert.Throws<InvalidDataException>(() => SeedOffices.Parse("""[{"id": "gt-x", "mandate": ["piracy"]}]"""));

        Assert.Contains("mandate", error.Message, StringComparison.Ordinal);
    }

    private static Office Good() => Contracts.OfficeDirectoryContract.MakeOffice("gt-idpp-guatemala");
}
