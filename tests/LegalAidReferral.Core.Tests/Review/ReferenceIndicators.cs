using System.Text;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Core.Tests.Review;

/// <summary>
/// The indicators computed the straightforward way, from the raw events every time: duplicates
/// dropped by id, every row's events picked by month (in the zone) and category, counts by step,
/// exact durations sorted for the nearest-rank percentile, and each referral's deadlines replayed.
/// Written as CSV in the read model's format, so the two can be compared text for text. Only small
/// cells are suppressed here, not their complements: compare with a threshold of 1, and check the
/// suppression on its own (<see cref="SuppressionPropertyTests"/>).
/// </summary>
internal static class ReferenceIndicators
{
    private static readonly ReferralStatus[] Ends = [ReferralStatus.Declined, ReferralStatus.Completed, ReferralStatus.Closed, ReferralStatus.Revoked];

    public static string Csv(IEnumerable<ProtocolEvent> arrived, AdherenceRequest request, ReviewSettings settings, DateTimeOffset now)
    {
        var zone = settings.TimeZone;
        var q = request.Query;
        var events = arrived.DistinctBy(e => e.EventId)
            .Where(e => q.Matches(e.FromOfficeId, e.ToOfficeId, e.FromCountry, e.ToCountry, e.Kind, e.Priority))
            .Where(e => InCategories(request, e.Gender, e.VulnerableGroups))
            .ToArray();
        var overdue = events.GroupBy(e => e.ReferralPseudonym)
            .Select(g => (First: g.First(), Due: NextDue(g.ToArray())))
            .Where(r => r.Due < now)
            .ToArray();
        var months = ReviewPeriods.Between(q.FromPeriod, q.ToPeriod).ToArray();
        string Month(DateTimeOffset at) => ReviewPeriods.MonthOf(at, zone);

        var csv = new StringBuilder();
        csv.Append(string.Join(',', AdherenceCsv.Header)).Append("\r\n");
        var codes = events.Where(e => months.Contains(Month(e.OccurredAt)) && e.Step == ReferralAction.Outcome && e.Successful == false)
            .Select(e => e.ReasonCode ?? "not-stated").Distinct().Order(StringComparer.Ordinal).ToArray();
        var corridors = events.Where(e => months.Contains(Month(e.OccurredAt))).Select(e => e.Corridor).Concat(overdue.Select(r => r.First.Corridor))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var period in months.Prepend("all"))
        {
            var inPeriod = events.Where(e => period == "all" ? months.Contains(Month(e.OccurredAt)) : Month(e.OccurredAt) == period).ToArray();
            var overdueInPeriod = overdue.Where(r => period == "all" || Month(r.Due!.Value) == period).Select(r => r.First).ToArray();
            Rows(csv, period, (string.Empty, "all", string.Empty), inPeriod, overdueInPeriod, settings.MinCellSize, codes);
            foreach (var corridor in period == "all" ? corridors : [])
            {
                Rows(
                    csv, period, ("corridor", corridor, corridor + ":"), inPeriod.Where(e => e.Corridor == corridor).ToArray(),
                    overdueInPeriod.Where(e => e.Corridor == corridor).ToArray(), settings.MinCellSize, codes);
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// The total row, then one per gender and per group, of <paramref name="inPeriod"/>: the period's
    /// (breakdowns <c>total</c>, <c>gender</c>, <c>group</c>) or a corridor's (<c>corridor</c>,
    /// <c>corridor-gender</c>, <c>corridor-group</c>, categories prefixed by the corridor).
    /// </summary>
    private static void Rows(
        StringBuilder csv, string period, (string Breakdown, string Total, string Prefix) of, ProtocolEvent[] inPeriod, ProtocolEvent[] overdueInPeriod,
        int minCellSize, string[] codes)
    {
        string Breakdown(string name) => of.Breakdown.Length == 0 ? name : $"{of.Breakdown}-{name}";
        Row(csv, period, of.Breakdown.Length == 0 ? "total" : of.Breakdown, of.Total, inPeriod, overdueInPeriod.Length, minCellSize, codes);
        foreach (var gender in Enum.GetValues<GenderCategory>())
        {
            Row(csv, period, Breakdown("gender"), of.Prefix + Kebab<GenderCategory>.Name(gender), inPeriod.Where(e => e.Gender == gender).ToArray(),
                overdueInPeriod.Count(e => e.Gender == gender), minCellSize, codes);
        }

        foreach (var group in ReviewGroups.Named)
        {
            Row(csv, period, Breakdown("group"), of.Prefix + Kebab<Vulnerability>.Name(group), inPeriod.Where(e => e.VulnerableGroups.Contains(group)).ToArray(),
                overdueInPeriod.Count(e => e.VulnerableGroups.Contains(group)), minCellSize, codes);
        }

        Row(csv, period, Breakdown("group"), of.Prefix + "none", inPeriod.Where(e => !e.VulnerableGroups.Any(ReviewGroups.Named.Contains)).ToArray(),
            overdueInPeriod.Count(e => !e.VulnerableGroups.Any(ReviewGroups.Named.Contains)), minCellSize, codes);
    }

    private static bool InCategories(AdherenceRequest request, GenderCategory gender, IReadOnlyList<Vulnerability> groups) =>
        (request.Gender is null || request.Gender == gender) && (request.Group is null || groups.Contains(request.Group.Value));

    private static DateTimeOffset? NextDue(ProtocolEvent[] referral)
    {
        if (referral.Any(e => Ends.Contains(e.Status)))
        {
            return null;
        }

        var met = referral.Where(e => e.Meets is not null).Select(e => e.Meets!.Value).ToHashSet();
        var open = referral.SelectMany(e => e.Starts).Where(d => !met.Contains(d.Kind)).ToArray();
        return open.Length == 0 ? null : open.Min(d => d.DueAt);
    }

    private static void Row(StringBuilder csv, string period, string breakdown, string category, ProtocolEvent[] e, long overdue, int min, string[] codes)
    {
        long? Shown(long n) => n == 0 || n >= min ? n : null;
        double? Share(long part, long whole) => Shown(part) is { } p && Shown(whole) is { } w && w > 0 ? Math.Round((double)p / w, 4) : null;
        long Count(Func<ProtocolEvent, bool> which) => e.LongCount(which);
        double? Hours(DeadlineKind kind, double percentile)
        {
            var took = e.Where(x => x.Meets == kind && x.DeadlineStartedAt is not null)
                .Select(x => x.OccurredAt - x.DeadlineStartedAt!.Value)
                .Select(t => t < TimeSpan.Zero ? TimeSpan.Zero : t)
                .Order()
                .ToArray();
            if (took.Length < Math.Max(1, min))
            {
                return null;
            }

            var nearestRank = (int)Math.Max(1, Math.Ceiling(percentile * took.Length));
            return Math.Round(DurationBuckets.Hours(DurationBuckets.Of(took[nearestRank - 1])), 2);
        }

        bool Decision(ProtocolEvent x) => x.Step is ReferralAction.Accept or ReferralAction.Decline;
        var acknowledged = Count(x => x.Step == ReferralAction.Acknowledge);
        var ackWithin = Count(x => x.Step == ReferralAction.Acknowledge && x.WithinDeadline == true);
        var decided = Count(Decision);
        var decidedWithin = Count(x => Decision(x) && x.WithinDeadline == true);
        var contacts = Count(x => x.Step == ReferralAction.FirstContact);
        var contactsWithin = Count(x => x.Step == ReferralAction.FirstContact && x.WithinDeadline == true);
        var outcomes = Count(x => x.Step == ReferralAction.Outcome);
        var outcomesWithin = Count(x => x.Step == ReferralAction.Outcome && x.WithinDeadline == true);
        var reasons = codes.ToDictionary(
            code => code, code => Shown(Count(x => x.Step == ReferralAction.Outcome && x.Successful == false && (x.ReasonCode ?? "not-stated") == code)), StringComparer.Ordinal);
        object?[] values =
        [
            Shown(Count(x => x.Step == ReferralAction.Send)),
            Shown(Count(x => x.Step == ReferralAction.Send && !x.ConsentOverridden)),
            Shown(Count(x => x.Step == ReferralAction.Send && x.ConsentOverridden)),
            Shown(acknowledged), Shown(ackWithin), Share(ackWithin, acknowledged),
            Shown(decided), Shown(decidedWithin), Share(decidedWithin, decided),
            Shown(Count(x => x.Step == ReferralAction.Accept)), Shown(Count(x => x.Step == ReferralAction.Decline)),
            Shown(contacts), Shown(contactsWithin), Share(contactsWithin, contacts),
            Shown(outcomes), Shown(Count(x => x.Step == ReferralAction.Outcome && x.Successful == true)), Shown(outcomesWithin), Share(outcomesWithin, outcomes),
            (IReadOnlyDictionary<string, long?>)reasons,
            Shown(Count(x => x.Step == ReferralAction.Revoke)),
            Shown(Count(x => x.Step == ReferralAction.Revoke && x.ReasonCode == ReferralStep.ConsentWithdrawnReason)),
            Shown(Count(x => x.Step == ReferralAction.Close)),
            Hours(DeadlineKind.Acknowledge, 0.5), Hours(DeadlineKind.Acknowledge, 0.9),
            Hours(DeadlineKind.Decide, 0.5), Hours(DeadlineKind.Decide, 0.9),
            Hours(DeadlineKind.FirstContact, 0.5), Hours(DeadlineKind.FirstContact, 0.9),
            Hours(DeadlineKind.OutcomeReport, 0.5), Hours(DeadlineKind.OutcomeReport, 0.9),
            Shown(overdue),
            .. Enum.GetValues<DeclineReason>().Select(code => Shown(Count(x => x.Step == ReferralAction.Decline && x.ReasonCode == Kebab<DeclineReason>.Name(code)))),
            Shown(Count(x => x.Step == ReferralAction.Decline && !Kebab<DeclineReason>.TryParse(x.ReasonCode, out _))),
        ];
        csv.Append(string.Join(',', new[] { period, breakdown, category }.Concat(values.Select(IndicatorColumns.CsvValue)))).Append("\r\n");
    }
}
