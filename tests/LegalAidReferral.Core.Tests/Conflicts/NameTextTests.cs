using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Core.Tests.Conflicts;

public class NameTextTests
{
    [Fact]
    public void Folding_removes_accents_case_and_punctuation()
    {
        Assert.Equal("perez garcia jose", NameText.Fold("  Pérez-García,  JOSÉ "));
        Assert.Equal("d angelo strasse", NameText.Fold("D'Angelo Straße".Replace("ß", "ss", StringComparison.Ordinal)));
    }

    [Fact]
    public void Particles_are_dropped_and_remembered_joined_to_the_next_word()
    {
        var tokens = NameText.Tokenize("María de los Ángeles da Silva");

        Assert.Equal(["maria", "angeles", "silva"], tokens.Select(t => t.Text));
        Assert.Equal([null, "delosangeles", "dasilva"], tokens.Select(t => t.Joined));
    }

    [Fact]
    public void A_name_made_only_of_particles_keeps_them()
    {
        Assert.Equal(["le", "do"], NameText.Tokenize("Le Do").Select(t => t.Text));
    }

    [Theory]
    [InlineData("abc", "abc", 2, 0)]
    [InlineData("perez", "peres", 2, 1)]
    [InlineData("castellanos", "castelanso", 2, 2)]
    [InlineData("rodriguez", "rodirguez", 2, 1)]
    [InlineData("martinez", "ramirez", 2, null)]
    [InlineData("mora", "mara", 1, 1)]
    [InlineData("mora", "vega", 1, null)]
    [InlineData("demo", "ficticia", 1, null)]
    public void Edit_distance_counts_swaps_as_one_and_is_null_above_the_bound(string a, string b, int bound, int? expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, bound));
    }
}
