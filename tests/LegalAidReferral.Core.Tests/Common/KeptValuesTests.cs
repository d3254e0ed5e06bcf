using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Tests.Common;

public class KeptValuesTests
{
    [Fact]
    public void A_value_is_built_once_and_built_again_only_after_a_full_store_started_again()
    {
        var builds = 0;
        var kept = new KeptValues<int, string>(capacity: 2);
        string Build(int key)
        {
            builds++;
            return $"v{key}";
        }

        Assert.Equal("v1", kept.GetOrAdd(1, Build));
        Assert.Equal("v1", kept.GetOrAdd(1, Build));
        kept.GetOrAdd(2, Build);
        Assert.Equal(2, builds);

        kept.GetOrAdd(3, Build);
        kept.GetOrAdd(1, Build);

        Assert.Equal(4, builds);
    }
}
