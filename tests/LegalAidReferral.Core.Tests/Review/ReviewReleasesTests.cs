using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Core.Tests.Review;

public class ReviewReleasesTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_month_release_is_built_again_only_when_recording_changed_that_months_cells()
    {
        var store = new InMemoryReviewStore();
        var events = new SyntheticProtocolEvents(3).Generate(40, Now.AddDays(-75), TimeSpan.FromDays(60), Now);
        foreach (var e in events)
        {
            await store.RecordAsync(ReviewEntry.Of(e, TimeZoneInfo.Utc), default);
        }

        var releases = new ReviewReleases();
        var january = await Release(releases, store, "2026-01");
        var february = await Release(releases, store, "2026-02");
        Assert.Same(january, await Release(releases, store, "2026-01"));

        var late = new SyntheticProtocolEvents(4).Generate(1, Now.AddDays(-50), TimeSpan.FromHours(1), Now.AddDays(-49)).First();
        await store.RecordAsync(ReviewEntry.Of(late, TimeZoneInfo.Utc), default);

        Assert.Equal("2026-02", ReviewPeriods.MonthOf(late.OccurredAt, TimeZoneInfo.Utc));
        Assert.Same(january, await Release(releases, store, "2026-01"));
        Assert.NotSame(february, await Release(releases, store, "2026-02"));
    }

    [Fact]
    public async Task A_report_filtered_on_a_gender_and_a_group_shows_their_intersection_from_the_release()
    {
        var store = new InMemoryReviewStore();
        var sends = new SyntheticProtocolEvents(9).Generate(40, Now.AddDays(-20), TimeSpan.FromDays(10), Now.AddDays(-5))
            .Where(e => e.Step == ReferralAction.Send)
            .Take(12)
            .Select((e, i) => e with
            {
                FromOfficeId = "gt-idpp-guatemala", ToOfficeId = "mx-ifdp-tapachula", FromCountry = "GT", ToCountry = "MX", Kind = ReferralKind.Representation,
                Priority = Priority.Normal, Gender = i < 6 ? GenderCategory.Female : GenderCategory.Male, VulnerableGroups = i < 6 ? [Vulnerability.Detained] : [],
            })
            .ToArray();
        foreach (var e in sends)
        {
            await store.RecordAsync(ReviewEntry.Of(e, TimeZoneInfo.Utc), default);
        }

        var query = new ReviewQuery("2026-03", "2026-03");
        var request = new AdherenceRequest(query, GenderCategory.Female, Vulnerability.Detained);
        var cells = await store.CellsAsync(query, default);

        var report = AdherenceReport.Build(cells, [], request, ReviewSettings.Default, Now);

        Assert.Equal(6L, report.Summary.Total["sent"]);
        Assert.Equal(6L, report.Summary.ByGender.Single(g => g.Category == "female").Indicators["sent"]);
        Assert.Equal(0L, report.Summary.ByGender.Single(g => g.Category == "male").Indicators["sent"]);
    }

    [Fact]
    public async Task A_month_with_more_units_than_the_audit_bound_is_released_without_the_audit_and_still_withholds_small_counts()
    {
        var store = new InMemoryReviewStore();
        foreach (var e in new SyntheticProtocolEvents(3).Generate(260, Now.AddDays(-60), TimeSpan.FromDays(25), Now))
        {
            await store.RecordAsync(ReviewEntry.Of(e, TimeZoneInfo.Utc), default);
        }

        var query = new ReviewQuery("2026-02", "2026-02");
        var cells = await store.CellsAsync(query, default);
        var small = cells.GroupBy(c => (c.Key.FromCountry, c.Key.ToCountry))
            .Select(g => (Corridor: g.Key, Sent: g.Sum(c => c.Counts[Tally.Sent])))
            .First(c => c.Sent is > 0 and < ReviewSettings.DefaultMinCellSize);

        var release = ReviewRelease.OfCells(cells, ReviewSettings.DefaultMinCellSize);
        var corridor = AdherenceReport.Build(
            cells, [], new AdherenceRequest(query with { FromCountry = small.Corridor.FromCountry, ToCountry = small.Corridor.ToCountry }), ReviewSettings.Default, Now);

        Assert.True(cells.Count > ReviewRelease.MaxAuditedUnits);
        Assert.False(release.Audited);
        Assert.Null(corridor.Summary.Total["sent"]);
        Assert.True(ReviewRelease.OfCells(cells.Take(ReviewRelease.MaxAuditedUnits), ReviewSettings.DefaultMinCellSize).Audited);
    }

    private static async Task<ReviewRelease> Release(ReviewReleases releases, InMemoryReviewStore store, string month) =>
        releases.OfCells(month, await store.CellsAsync(new ReviewQuery(month, month), default), ReviewSettings.DefaultMinCellSize);
}
