using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Tests.Cases;

namespace LegalAidReferral.Core.Tests.Referrals;

public class ReferralCategoriesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData("female", GenderCategory.Female)]
    [InlineData(" Mujer ", GenderCategory.Female)]
    [InlineData("FÉMININ", GenderCategory.Female)]
    [InlineData("fanm", GenderCategory.Female)]
    [InlineData("Masculino", GenderCategory.Male)]
    [InlineData("homme", GenderCategory.Male)]
    [InlineData("m", GenderCategory.Male)]
    [InlineData("mujer trans", GenderCategory.Other)]
    [InlineData("no binario", GenderCategory.Other)]
    [InlineData("  ", GenderCategory.NotStated)]
    [InlineData(null, GenderCategory.NotStated)]
    public void Self_described_gender_folds_into_four_categories(string? gender, GenderCategory expected)
    {
        Assert.Equal(expected, Of(c => c with { Gender = gender }).Gender);
    }

    [Theory]
    [InlineData("2008-12-02", AgeBand.Child)]
    [InlineData("2008-12-01", AgeBand.Adult)]
    [InlineData("1960-01-01", AgeBand.Adult)]
    public void The_age_band_is_read_on_the_day_the_referral_is_sent(string birthDate, AgeBand expected)
    {
        Assert.Equal(expected, Of(c => c with { BirthDate = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture) }).AgeBand);
    }

    [Theory]
    [InlineData(Vulnerability.UnaccompaniedMinor, AgeBand.Child)]
    [InlineData(Vulnerability.Child, AgeBand.Child)]
    [InlineData(Vulnerability.Detained, AgeBand.NotStated)]
    public void Without_a_birth_date_only_a_child_vulnerability_gives_an_age_band(Vulnerability vulnerability, AgeBand expected)
    {
        var details = CaseSamples.ValidDetails();
        details = details with { Client = details.Client with { BirthDate = null }, Vulnerabilities = [vulnerability] };

        Assert.Equal(expected, ReferralCategories.Of(details, Today).AgeBand);
    }

    [Fact]
    public void Vulnerable_groups_come_from_the_fixed_list_in_its_order()
    {
        var details = CaseSamples.ValidDetails() with { Vulnerabilities = [Vulnerability.Detained, Vulnerability.Pregnant, Vulnerability.Lgbtiq] };

        Assert.Equal([Vulnerability.Pregnant, Vulnerability.Lgbtiq, Vulnerability.Detained], ReferralCategories.Of(details, Today).VulnerableGroups);
    }

    private static ReferralCategories Of(Func<Client, Client> change)
    {
        var details = CaseSamples.ValidDetails();
        return ReferralCategories.Of(details with { Client = change(details.Client) }, Today);
    }
}
