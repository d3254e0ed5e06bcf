using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Tests.Common;

public class ExpectedVersionTests
{
    [Theory]
    [InlineData(1L, true)]
    [InlineData(7L, true)]
    [InlineData(null, false)]
    public void Any_current_matches_every_version_but_not_a_missing_resource(long? current, bool matches) =>
        Assert.Equal(matches, ExpectedVersion.AnyCurrent.Matches(current));

    [Theory]
    [InlineData(2L, true)]
    [InlineData(5L, true)]
    [InlineData(3L, false)]
    [InlineData(null, false)]
    public void A_list_matches_when_any_of_its_versions_is_current(long? current, bool matches) =>
        Assert.Equal(matches, ExpectedVersion.OneOf(2, 5).Matches(current));

    [Fact]
    public void An_empty_list_never_matches() =>
        Assert.False(ExpectedVersion.OneOf().Matches(1));
}
