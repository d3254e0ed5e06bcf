using System.Globalization;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// Every indicator the review reports, in order, with its JSON name and its CSV column, and how it
/// is read from the added-up counts after small-cell suppression (<see cref="ReportCount"/>,
/// <see cref="ComplementarySuppression"/>): a count withheld is null; a share needs both its counts
/// shown; a time needs at least <c>MinCellSize</c> measured steps. Zero is shown.
/// </summary>
public static class IndicatorColumns
{
    /// <summary>The count name of one unsuccessful-outcome reason code: this prefix and the code.</summary>
    public const string ReasonPrefix = "notSuccessfulReasons/";

    public sealed record Column(string Name, string CsvName, Func<Figures, object?> Read);

    /// <summary>A count of a row, named as its JSON indicator: suppressed on its own and in every breakdown it is part of.</summary>
    public sealed record Count(string Name, Func<CellCounts, long, long> Read);

    /// <summary>A row's counts (added up) and its published counts by name (<see cref="CountsOf"/>), with the suppression threshold.</summary>
    public sealed record Figures(CellCounts Counts, IReadOnlyDictionary<string, long?> Published, int MinCellSize)
    {
        public long? Shown(string count) => Published[count];

        public double? Share(string part, string whole) =>
            Shown(part) is { } p && Shown(whole) is { } w && w > 0 ? Math.Round((double)p / w, 4) : null;

        public double? Hours(Timing timing, double percentile)
        {
            var durations = Counts.Durations(timing);
            return durations.Values.Sum() >= Math.Max(1, MinCellSize) && DurationBuckets.Percentile(durations, percentile) is { } bucket
                ? Math.Round(DurationBuckets.Hours(bucket), 2)
                : null;
        }

        /// <summary>Every reason code of the report, in ordinal order: a code this row lacks is a zero, and a withheld one (even a zero) is null.</summary>
        public IReadOnlyDictionary<string, long?> Reasons =>
            Published.Where(p => p.Key.StartsWith(ReasonPrefix, StringComparison.Ordinal))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(p => p.Key[ReasonPrefix.Length..], p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>The counts of a row that have a fixed name (the reason codes' counts come from the row's cells).</summary>
    public static IReadOnlyList<Count> Counts { get; } =
    [
        new("sent", (c, _) => c[Tally.Sent]),
        new("sentWithConsent", (c, _) => c[Tally.Sent] - c[Tally.SentWithOverride]),
        new("sentWithOverride", (c, _) => c[Tally.SentWithOverride]),
        new("acknowledged", (c, _) => c[Tally.Acknowledged]),
        new("acknowledgedWithinDeadline", (c, _) => c[Tally.AcknowledgedWithinDeadline]),
        new("decided", (c, _) => c[Tally.Decided]),
        new("decidedWithinDeadline", (c, _) => c[Tally.DecidedWithinDeadline]),
        new("accepted", (c, _) => c[Tally.Accepted]),
        new("declined", (c, _) => c[Tally.Declined]),
        new("firstContacts", (c, _) => c[Tally.FirstContacts]),
        new("firstContactsWithinDeadline", (c, _) => c[Tally.FirstContactsWithinDeadline]),
        new("outcomes", (c, _) => c[Tally.Outcomes]),
        new("outcomesSuccessful", (c, _) => c[Tally.OutcomesSuccessful]),
        new("outcomesWithinDeadline", (c, _) => c[Tally.OutcomesWithinDeadline]),
        new("revoked", (c, _) => c[Tally.Revoked]),
        new("revokedOnConsentWithdrawal", (c, _) => c[Tally.RevokedOnConsentWithdrawal]),
        new("closed", (c, _) => c[Tally.Closed]),
        new("overdueNow", (_, overdue) => overdue),
        .. Enum.GetValues<DeclineReason>().Select(code => new Count(DeclinedName(code), (c, _) => c[CellCounts.DeclinedBy(code)])),
        new("declinedUnspecified", (c, _) => c.DeclinedUnspecified),
    ];

    public static IReadOnlyList<Column> All { get; } =
    [
        Shown("sent", "sent"),
        Shown("sentWithConsent", "sent_with_consent"),
        Shown("sentWithOverride", "sent_with_override"),
        Shown("acknowledged", "acknowledged"),
        Shown("acknowledgedWithinDeadline", "acknowledged_within_deadline"),
        new("acknowledgedWithinDeadlineShare", "acknowledged_within_deadline_share", f => f.Share("acknowledgedWithinDeadline", "acknowledged")),
        Shown("decided", "decided"),
        Shown("decidedWithinDeadline", "decided_within_deadline"),
        new("decidedWithinDeadlineShare", "decided_within_deadline_share", f => f.Share("decidedWithinDeadline", "decided")),
        Shown("accepted", "accepted"),
        Shown("declined", "declined"),
        Shown("firstContacts", "first_contacts"),
        Shown("firstContactsWithinDeadline", "first_contacts_within_deadline"),
        new("firstContactsWithinDeadlineShare", "first_contacts_within_deadline_share", f => f.Share("firstContactsWithinDeadline", "firstContacts")),
        Shown("outcomes", "outcomes"),
        Shown("outcomesSuccessful", "outcomes_successful"),
        Shown("outcomesWithinDeadline", "outcomes_within_deadline"),
        new("outcomesWithinDeadlineShare", "outcomes_within_deadline_share", f => f.Share("outcomesWithinDeadline", "outcomes")),
        new("notSuccessfulReasons", "not_successful_reasons", f => f.Reasons),
        Shown("revoked", "revoked"),
        Shown("revokedOnConsentWithdrawal", "revoked_on_consent_withdrawal"),
        Shown("closed", "closed"),
        new("hoursToAcknowledgeMedian", "hours_to_acknowledge_median", f => f.Hours(Timing.Acknowledge, 0.5)),
        new("hoursToAcknowledgeP90", "hours_to_acknowledge_p90", f => f.Hours(Timing.Acknowledge, 0.9)),
        new("hoursToDecideMedian", "hours_to_decide_median", f => f.Hours(Timing.Decide, 0.5)),
        new("hoursToDecideP90", "hours_to_decide_p90", f => f.Hours(Timing.Decide, 0.9)),
        new("hoursToFirstContactMedian", "hours_to_first_contact_median", f => f.Hours(Timing.FirstContact, 0.5)),
        new("hoursToFirstContactP90", "hours_to_first_contact_p90", f => f.Hours(Timing.FirstContact, 0.9)),
        new("hoursToOutcomeMedian", "hours_to_outcome_median", f => f.Hours(Timing.Outcome, 0.5)),
        new("hoursToOutcomeP90", "hours_to_outcome_p90", f => f.Hours(Timing.Outcome, 0.9)),
        Shown("overdueNow", "overdue_now"),
        .. Enum.GetValues<DeclineReason>().Select(code => Shown(DeclinedName(code), "declined_" + Kebab<DeclineReason>.Name(code).Replace('-', '_'))),
        Shown("declinedUnspecified", "declined_unspecified"),
    ];

    /// <summary>
    /// The breakdowns within a row (a whole and the parts it is the sum of), which complementary
    /// suppression protects like the breakdowns by category and by month.
    /// </summary>
    public static IEnumerable<(string Whole, IReadOnlyList<string> Parts)> Breakdowns(IEnumerable<string> reasonCodes) =>
    [
        ("sent", ["sentWithConsent", "sentWithOverride"]),
        ("decided", ["accepted", "declined"]),
        ("declined", [.. Enum.GetValues<DeclineReason>().Select(DeclinedName), "declinedUnspecified"]),
        ("outcomes", ["outcomesSuccessful", .. reasonCodes.Select(code => ReasonPrefix + code)]),
    ];

    /// <summary>A row's counts by name, before suppression: <see cref="Counts"/> and one per unsuccessful-outcome reason code.</summary>
    public static IEnumerable<KeyValuePair<string, long>> CountsOf(CellCounts counts, long overdueNow)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Counts.Select(c => KeyValuePair.Create(c.Name, c.Read(counts, overdueNow)))
            .Concat(counts.NotSuccessfulReasons.Select(r => KeyValuePair.Create(ReasonPrefix + r.Key, r.Value)));
    }

    /// <summary>A row's indicators by JSON name, in column order.</summary>
    public static IReadOnlyDictionary<string, object?> Of(Figures figures) => All.ToDictionary(c => c.Name, c => c.Read(figures), StringComparer.Ordinal);

    /// <summary>A value as a CSV field: invariant numbers, empty when suppressed, reasons as <c>code=count</c> joined by <c>;</c>.</summary>
    public static string CsvValue(object? value) => value switch
    {
        null => string.Empty,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, long?> reasons => string.Join(';', reasons.Select(r => $"{r.Key}={CsvValue(r.Value)}")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string DeclinedName(DeclineReason code) => "declined" + code;

    private static Column Shown(string name, string csvName) => new(name, csvName, f => f.Shown(name));
}
