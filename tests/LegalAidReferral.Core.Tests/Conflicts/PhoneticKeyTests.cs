using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Core.Tests.Conflicts;

public class PhoneticKeyTests
{
    [Theory]
    [InlineData("vasquez", "vazquez", "basques")]
    [InlineData("jimenez", "ximenez", "gimenez")]
    [InlineData("guillermo", "guiyermo", "guillermo")]
    [InlineData("carvalho", "carvallo", "carbayo")]
    [InlineData("espinha", "espina", "espinna")]
    [InlineData("quintero", "kintero", "quinttero")]
    [InlineData("rousseau", "rouseau", "russo")]
    [InlineData("cecilia", "sesilia", "zezilia")]
    [InlineData("raphael", "rafael", "raffael")]
    public void Spellings_that_sound_the_same_share_a_key(string a, string b, string c)
    {
        Assert.Equal(PhoneticKey.Of(a), PhoneticKey.Of(b));
        Assert.Equal(PhoneticKey.Of(a), PhoneticKey.Of(c));
    }

    [Theory]
    [InlineData("garcia", "gracia")]
    [InlineData("castro", "castillo")]
    [InlineData("gomez", "jomez")]
    public void Different_sounds_have_different_keys(string a, string b)
    {
        Assert.NotEqual(PhoneticKey.Of(a), PhoneticKey.Of(b));
    }
}
