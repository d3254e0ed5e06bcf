using FsCheck.Xunit;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Core.Tests.Review;

/// <summary>
/// Small-cell suppression checked against the same report unsuppressed (a threshold of 1), on
/// generated event sets: every small count is withheld, nothing shown differs from the real figure,
/// no withheld count can be worked out by subtracting shown counts from a shown total, in any
/// breakdown the report publishes (written out here, apart from the code that suppresses), nor by
/// combining the exact breakdowns (rows and columns of a table, say).
/// </summary>
public class SuppressionPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The month releases, shared by the reports of one generated set (each set's months have their own fingerprints).</summary>
    private static readonly ReviewReleases Releases = new();

    private static readonly string[] Genders = ["female", "male", "other", "not-stated"];

    private static readonly string[] Groups = ["unaccompanied-minor", "detained", "trafficking-victim", "pregnant", "none"];

    private static readonly string[] DeclineCodes =
        ["declinedNoCapacity", "declinedOutsideMandate", "declinedConflictOfInterest", "declinedClientUnreachable", "declinedOther", "declinedUnspecified"];

    [Property(MaxTest = 30, Replay = "(20261202,1)")]
    public void No_withheld_count_can_be_worked_out_from_the_shown_ones_and_every_small_count_is_withheld(int seed)
    {
        var (events, request, minCellSize, now) = Generated(seed);

        var real = ReportFigures.Counts(Report(events, request, 1, now), out _);
        var shown = ReportFigures.Counts(Report(events, request, minCellSize, now), out var shares);

        Assert.All(real, count =>
        {
            Assert.True(shown[count.Key] is null || shown[count.Key] == count.Value, $"{count.Key} is shown as another figure");
            Assert.True(count.Value is 0 || count.Value >= minCellSize || shown[count.Key] is null, $"{count.Key} = {count.Value} is shown");
        });
        Assert.All(shares, share => Assert.True(share.Value is null || (shown[share.Key.Part] is not null && shown[share.Key.Whole] is not null)));
        foreach (var (whole, parts, exact) in Breakdowns(shown.Keys))
        {
            if (exact)
            {
                Assert.Equal(real[whole], parts.Sum(p => real[p]));
            }

            var withheld = parts.Prepend(whole).Where(c => shown[c] is null).ToArray();
            Assert.False(withheld.Length == 1, $"{withheld.FirstOrDefault()} is {real[withheld.FirstOrDefault() ?? whole]}: {whole} less the rest of {string.Join(", ", parts)}");
        }

        Assert.Empty(FixedByCombining(shown, Breakdowns(shown.Keys).Where(b => b.Exact)));
    }

    [Property(MaxTest = 30, Replay = "(20261202,1)")]
    public void Withheld_parts_of_a_breakdown_with_a_shown_whole_add_up_to_enough_that_none_is_bounded_below_the_threshold(int seed)
    {
        var (events, request, minCellSize, now) = Generated(seed);

        var real = ReportFigures.Counts(Report(events, request, 1, now), out _);
        var shown = ReportFigures.Counts(Report(events, request, minCellSize, now), out _);

        foreach (var (whole, parts, _) in Breakdowns(shown.Keys).Where(b => b.Exact && shown[b.Whole] is not null))
        {
            var withheld = parts.Where(p => shown[p] is null).ToArray();
            Assert.False(
                withheld.Length > 1 && withheld.Sum(p => real[p]) < minCellSize + withheld.Length - 1,
                $"{string.Join(", ", withheld)} add up to {withheld.Sum(p => real[p])}: {whole} less the shown parts");
        }
    }

    [Property(MaxTest = 30, Replay = "(20261202,1)")]
    public void Subtracting_the_range_figures_of_two_overlapping_reports_recovers_no_withheld_month(int seed)
    {
        var (events, request, minCellSize, now) = Generated(seed);
        var random = new Random(seed ^ 0x5EED);
        var months = ReviewPeriods.Between(request.Query.FromPeriod, request.Query.ToPeriod).ToArray();
        var first = random.Next(months.Length);
        var last = random.Next(first, months.Length);
        var inner = request with { Query = request.Query with { FromPeriod = months[first], ToPeriod = months[last] } };

        var real = ReportFigures.Counts(Report(events, request, 1, now), out _);
        var outer = ReportFigures.Counts(Report(events, request, minCellSize, now), out _);
        var within = ReportFigures.Counts(Report(events, inner, minCellSize, now), out _);

        // Months list no corridors, so only the range's own rows have months to subtract.
        foreach (var key in within.Keys.Where(k => k.StartsWith("all,", StringComparison.Ordinal) && !k.Contains('/', StringComparison.Ordinal) && outer.ContainsKey(k)))
        {
            if (outer[key] is null || within[key] is null)
            {
                continue;
            }

            var figure = key["all,".Length..];
            var outside = months.Where((_, i) => i < first || i > last).Select(m => $"{m},{figure}").ToArray();
            var withheld = outside.Where(m => outer[m] is null).ToArray();
            Assert.False(
                withheld.Length == 1,
                $"{withheld.FirstOrDefault()} is {real[withheld.FirstOrDefault() ?? key]}: {key} of {months[0]}..{months[^1]} less that of {months[first]}..{months[last]} less the shown months");
        }
    }

    private static (IReadOnlyList<ProtocolEvent> Events, AdherenceRequest Request, int MinCellSize, DateTimeOffset Now) Generated(int seed)
    {
        var random = new Random(seed);
        var minCellSize = random.Next(2, 8);
        var span = TimeSpan.FromDays(random.Next(20, 120));
        var now = Start + span + TimeSpan.FromDays(random.Next(0, 30));
        var events = new SyntheticProtocolEvents(seed).Generate(random.Next(1, 70), Start, span, now);
        var request = new AdherenceRequest(
            new ReviewQuery("2026-01", ReviewPeriods.MonthOf(now, TimeZoneInfo.Utc)),
            random.Next(5) == 0 ? GenderCategory.Female : null,
            random.Next(5) == 0 ? ReviewGroups.Named[random.Next(ReviewGroups.Named.Count)] : null);
        return (events, request, minCellSize, now);
    }

    /// <summary>
    /// The withheld counts that the exact breakdowns fix when combined: a count's unit vector in the
    /// row space of the equations (whole - parts = 0) over the withheld counts, by the tests' own
    /// exact elimination (<see cref="RowSpace"/>) over the whole report.
    /// </summary>
    private static List<string> FixedByCombining(Dictionary<string, long?> shown, IEnumerable<(string Whole, string[] Parts, bool Exact)> exact)
    {
        var unknowns = shown.Where(c => c.Value is null).Select(c => c.Key).ToArray();
        var index = unknowns.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        var space = new RowSpace();
        foreach (var (whole, parts, _) in exact)
        {
            space.Add(parts.Select(p => (p, -1)).Prepend((whole, 1)).Where(c => index.ContainsKey(c.Item1)).Select(c => (index[c.Item1], c.Item2)));
        }

        return unknowns.Where((_, i) => space.Fixes(i)).ToList();
    }

    /// <summary>
    /// The breakdowns a reader can subtract in: a period's total by gender (exact) and by group (a
    /// referral may be in several groups), the same within each corridor of the range, each of the
    /// range's rows by corridor (exact: a referral has one corridor), every category's range by month
    /// (exact but for overdue referrals, which may have fallen due before the range), and within a
    /// row, sent, decided, declined and outcomes.
    /// </summary>
    private static IEnumerable<(string Whole, string[] Parts, bool Exact)> Breakdowns(IEnumerable<string> keys)
    {
        var names = keys.Select(k => k.Split(',')[2]).Distinct().ToArray();
        var periods = keys.Select(k => k.Split(',')[0]).Distinct().ToArray();
        var months = periods.Where(p => p != "all").ToArray();
        var corridors = keys.Select(k => k.Split(',')[1]).Where(r => r.Contains('/', StringComparison.Ordinal)).Select(r => r.Split('/')[0]).Distinct().ToArray();
        string[] categories = ["total", .. Genders, .. Groups];
        string[] rows = [.. categories, .. corridors.SelectMany(c => categories.Select(row => $"{c}/{row}"))];
        string Key(string period, string row, string name) => $"{period},{row},{name}";
        var reasons = names.Where(n => n.StartsWith("notSuccessfulReasons/", StringComparison.Ordinal)).ToArray();
        foreach (var period in periods)
        {
            foreach (var name in names)
            {
                foreach (var prefix in (period == "all" ? corridors : []).Select(c => c + "/").Prepend(string.Empty))
                {
                    yield return (Key(period, prefix + "total", name), Genders.Select(g => Key(period, prefix + g, name)).ToArray(), true);
                    yield return (Key(period, prefix + "total", name), Groups.Select(g => Key(period, prefix + g, name)).ToArray(), false);
                }

                foreach (var row in corridors.Length > 0 && period == "all" ? categories : [])
                {
                    yield return (Key(period, row, name), corridors.Select(c => Key(period, $"{c}/{row}", name)).ToArray(), true);
                }
            }

            foreach (var row in period == "all" ? rows : categories)
            {
                yield return (Key(period, row, "sent"), [Key(period, row, "sentWithConsent"), Key(period, row, "sentWithOverride")], true);
                yield return (Key(period, row, "decided"), [Key(period, row, "accepted"), Key(period, row, "declined")], true);
                yield return (Key(period, row, "declined"), DeclineCodes.Select(c => Key(period, row, c)).ToArray(), true);
                yield return (Key(period, row, "outcomes"), reasons.Prepend("outcomesSuccessful").Select(c => Key(period, row, c)).ToArray(), true);
            }
        }

        foreach (var row in categories)
        {
            foreach (var name in names)
            {
                yield return (Key("all", row, name), months.Select(m => Key(m, row, name)).ToArray(), name != "overdueNow");
            }
        }
    }

    private static AdherenceReport Report(IReadOnlyList<ProtocolEvent> events, AdherenceRequest request, int minCellSize, DateTimeOffset now)
    {
        var settings = ReviewSettings.Default with { MinCellSize = minCellSize };
        var store = new InMemoryReviewStore();
        foreach (var e in events)
        {
            store.RecordAsync(ReviewEntry.Of(e, settings.TimeZone), default).GetAwaiter().GetResult();
        }

        return AdherenceReport.Build(store.CellsAsync(request.Query, default).Result, store.OverdueAsync(request.Query, now, default).Result, request, settings, now, Releases);
    }
}
