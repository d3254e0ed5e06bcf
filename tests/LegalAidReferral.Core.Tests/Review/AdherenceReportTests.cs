using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Core.Tests.Review;

public class AdherenceReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly AdherenceRequest November = new(new ReviewQuery("2026-11", "2026-11"));

    [Fact]
    public void Counts_below_the_threshold_are_suppressed_with_the_shares_and_times_built_on_them()
    {
        var report = Report(Sends(4, GenderCategory.Female).Concat(Sends(6, GenderCategory.Male)).Concat(Acknowledgements(6)), minCellSize: 5);

        var total = report.Summary.Total;
        Assert.Equal(10L, total["sent"]);
        Assert.Equal(6L, total["acknowledged"]);
        Assert.Equal(1.0, total["acknowledgedWithinDeadlineShare"]);
        Assert.NotNull(total["hoursToAcknowledgeMedian"]);
        var detainedMen = Report(Acknowledgements(4), minCellSize: 5).Summary.ByGroup.Single(g => g.Category == "detained").Indicators;
        Assert.Null(detainedMen["acknowledgedWithinDeadline"]);
        Assert.Null(detainedMen["acknowledgedWithinDeadlineShare"]);
        Assert.Null(detainedMen["hoursToAcknowledgeMedian"]);
        Assert.Equal(0L, total["declined"]);
        var female = report.Summary.ByGender.Single(g => g.Category == "female").Indicators;
        Assert.Null(female["sent"]);
        Assert.Null(female["hoursToAcknowledgeMedian"]);
    }

    [Fact]
    public void A_category_that_would_give_away_the_only_small_one_by_subtraction_is_withheld_too()
    {
        var report = Report(Sends(4, GenderCategory.Female).Concat(Sends(6, GenderCategory.Male)).Concat(Sends(9, GenderCategory.NotStated)), minCellSize: 5);

        var sent = report.Summary.ByGender.ToDictionary(g => g.Category, g => g.Indicators["sent"]);
        Assert.Equal(19L, report.Summary.Total["sent"]);
        Assert.Equal([null, null, 0L, 9L], [sent["female"], sent["male"], sent["other"], sent["not-stated"]]);
        Assert.Equal([null, null, 0L, 9L], report.Monthly.Single().ByGender.Select(g => g.Indicators["sent"]));
    }

    [Fact]
    public void A_corridor_below_the_threshold_is_withheld_with_enough_figures_that_neither_the_total_nor_a_country_gives_it_away()
    {
        var sends = Sends(9, GenderCategory.Female, "GT", "MX").Concat(Sends(7, GenderCategory.Female, "HN", "MX")).Concat(Sends(2, GenderCategory.Female, "CR", "NI"));

        var report = Report(sends, minCellSize: 5);
        var mexico = Report(sends, minCellSize: 5, November.Query with { Country = "MX" });

        // 2 = 18 - 9 - 7, and 7 = 16 (Mexico) - 9: the corridors, the total and Mexico cannot all be shown.
        var corridors = report.Summary.ByCorridor;
        Assert.Equal(["CR-NI", "GT-MX", "HN-MX"], corridors.Select(c => c.Corridor));
        Assert.Equal([null, null, null], corridors.Select(c => c.Total["sent"]));
        Assert.Null(report.Summary.Total["sent"]);
        Assert.Equal(16L, mexico.Summary.Total["sent"]);
        Assert.Equal([null, null], mexico.Summary.ByCorridor.Select(c => c.Total["sent"]));
        Assert.Equal([null, null, null], corridors.Select(c => c.ByGender.Single(g => g.Category == "female").Indicators["sent"]));
        Assert.Empty(report.Monthly.Single().ByCorridor);
    }

    [Fact]
    public void Declines_are_counted_by_reason_code_and_those_without_one_as_unspecified()
    {
        string?[] codes = ["no-capacity", "no-capacity", "outside-mandate", "conflict-of-interest", "client-unreachable", "other", null, "a-code-of-later"];
        var declines = codes.Select((code, i) => Event($"declined-{i}", ReferralAction.Decline, ReferralStatus.Declined, GenderCategory.Female, DeadlineKind.Decide, []) with { ReasonCode = code });

        var total = Report(declines, minCellSize: 1).Summary.Total;

        Assert.Equal(
            [8L, 2L, 1L, 1L, 1L, 1L, 2L],
            new[] { "declined", "declinedNoCapacity", "declinedOutsideMandate", "declinedConflictOfInterest", "declinedClientUnreachable", "declinedOther", "declinedUnspecified" }
                .Select(name => total[name]));
    }

    [Fact]
    public void A_threshold_of_one_shows_every_count()
    {
        var report = Report(Sends(4, GenderCategory.Female).Concat(Acknowledgements(2)), minCellSize: 1);

        Assert.Equal(4L, report.Summary.ByGender.Single(g => g.Category == "female").Indicators["sent"]);
        Assert.Equal(2L, report.Summary.Total["acknowledgedWithinDeadline"]);
        Assert.Equal(1.0, report.Summary.Total["acknowledgedWithinDeadlineShare"]);
    }

    [Fact]
    public void The_overdue_list_is_left_out_when_the_request_filters_by_a_category()
    {
        var sent = Sends(6, GenderCategory.Female).ToArray();
        var cells = sent.Select(e => ReviewEntry.Of(e, TimeZoneInfo.Utc)).Select(e => new AdherenceCell(e.Cell, e.Counts)).ToArray();
        var overdue = sent.Select(e => ReviewReferral.Merge(null, e)).ToArray();

        var all = AdherenceReport.Build(cells, overdue, November, ReviewSettings.Default, Now);
        var women = AdherenceReport.Build(cells, overdue, November with { Gender = GenderCategory.Female }, ReviewSettings.Default, Now);

        Assert.Equal(6, all.Overdue.Count);
        Assert.Equal(6L, all.Summary.Total["overdueNow"]);
        Assert.Empty(women.Overdue);
        Assert.Equal(6L, women.Summary.Total["overdueNow"]);
    }

    [Fact]
    public void The_csv_has_a_stable_header_crlf_lines_and_empty_fields_for_suppressed_values()
    {
        var csv = AdherenceCsv.Write(Report(Sends(3, GenderCategory.Other), minCellSize: 5));
        var lines = csv.Split("\r\n");

        Assert.StartsWith(
            "period,breakdown,category,sent,sent_with_consent,sent_with_override,acknowledged,acknowledged_within_deadline,acknowledged_within_deadline_share,",
            lines[0]);
        Assert.EndsWith(
            ",overdue_now,declined_no_capacity,declined_outside_mandate,declined_conflict_of_interest,declined_client_unreachable,declined_other,declined_unspecified",
            lines[0]);
        Assert.StartsWith("all,total,all,,,0,0,0,,", lines[1]);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.DoesNotContain('\n', csv.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(1 + (3 * (1 + 4 + 5)), lines.Length - 1);
        Assert.Equal(
            ["all,corridor,GT-MX", "all,corridor-gender,GT-MX:female", "all,corridor-gender,GT-MX:male", "all,corridor-gender,GT-MX:other",
                "all,corridor-gender,GT-MX:not-stated", "all,corridor-group,GT-MX:unaccompanied-minor", "all,corridor-group,GT-MX:detained",
                "all,corridor-group,GT-MX:trafficking-victim", "all,corridor-group,GT-MX:pregnant", "all,corridor-group,GT-MX:none"],
            lines[11..21].Select(l => string.Join(',', l.Split(',')[..3])));
    }

    [Fact]
    public void Cell_counts_read_back_from_both_stored_forms_equal_what_was_written()
    {
        var sum = new CellCounts();
        foreach (var e in new SyntheticProtocolEvents(5).Generate(200, Now.AddDays(-90), TimeSpan.FromDays(80), Now))
        {
            sum.Add(CellCounts.Of(e));
        }

        Assert.NotEmpty(sum.NotSuccessfulReasons);
        Assert.True(sum[Tally.DeclinedNoCapacity] > 0);
        Assert.Equal(sum.ToJson(), CellCounts.FromBytes(sum.ToBytes()).ToJson());
        Assert.Equal(sum.ToJson(), CellCounts.FromJson(sum.ToJson()).ToJson());
    }

    [Fact]
    public void A_cell_stored_before_decline_codes_reads_its_declines_as_unspecified()
    {
        long[] tallies = [9, 0, 9, 9, 9, 9, 6, 3, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] bytes = [1, (byte)tallies.Length, .. tallies.Select(t => (byte)t), 0, 0, 0, 0, 0];

        foreach (var counts in new[] { CellCounts.FromBytes(bytes), CellCounts.FromJson("{\"T\":[9,0,9,9,9,9,6,3,0,0,0,0,0,0,0,0],\"D\":[[],[],[],[]]}") })
        {
            Assert.Equal((3L, 0L, 3L), (counts[Tally.Declined], counts[Tally.DeclinedNoCapacity], counts.DeclinedUnspecified));
        }
    }

    private static AdherenceReport Report(IEnumerable<ProtocolEvent> events, int minCellSize, ReviewQuery? query = null)
    {
        var cells = new Dictionary<CellKey, CellCounts>();
        foreach (var entry in events.Select(e => ReviewEntry.Of(e, TimeZoneInfo.Utc)))
        {
            if (!cells.TryGetValue(entry.Cell, out var counts))
            {
                cells[entry.Cell] = counts = new CellCounts();
            }

            counts.Add(entry.Counts);
        }

        return AdherenceReport.Build(
            cells.Select(c => new AdherenceCell(c.Key, c.Value)), [], new AdherenceRequest(query ?? November.Query), ReviewSettings.Default with { MinCellSize = minCellSize }, Now);
    }

    private static IEnumerable<ProtocolEvent> Sends(int count, GenderCategory gender, string fromCountry = "GT", string toCountry = "MX") =>
        Enumerable.Range(0, count).Select(i =>
            Event($"ref-{gender}-{fromCountry}-{toCountry}-{i}", ReferralAction.Send, ReferralStatus.Sent, gender, null, [new(DeadlineKind.Acknowledge, Now.AddDays(-1), null)])
                with { FromCountry = fromCountry, ToCountry = toCountry });

    private static IEnumerable<ProtocolEvent> Acknowledgements(int count) =>
        Enumerable.Range(0, count).Select(i => Event($"ack-{i}", ReferralAction.Acknowledge, ReferralStatus.Acknowledged, GenderCategory.Male, DeadlineKind.Acknowledge, []));

    private static ProtocolEvent Event(
        string referral, ReferralAction step, ReferralStatus status, GenderCategory gender, DeadlineKind? meets, IReadOnlyList<EventDeadline> starts) =>
        new(
            Guid.NewGuid(), referral, ReferralKind.Representation, Priority.Normal, "gt-idpp-guatemala", "mx-ifdp-tapachula", "GT", "MX", step, status,
            Now.AddDays(-10), meets is null ? null : Now.AddDays(-9), meets is null ? null : true, false, gender, AgeBand.Adult, [Vulnerability.Detained],
            meets, meets is null ? null : Now.AddDays(-10).AddHours(-5), starts, null, null);
}
