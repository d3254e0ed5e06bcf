using System.Globalization;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// Every indicator the review reports, in order, with its JSON name and its CSV column, and how it
/// is read from the added-up counts, after small-cell suppression: a count from 1 to
/// <c>MinCellSize</c> - 1 is null (suppressed); a share needs both its counts shown; a time needs at
/// least <c>MinCellSize</c> measured steps. Zero is shown.
/// </summary>
public static class IndicatorColumns
{
    public sealed record Column(string Name, string CsvName, Func<Figures, object?> Read);

    /// <summary>Counts added up for one row, with the suppression threshold.</summary>
    public sealed record Figures(CellCounts Counts, long OverdueNow, int MinCellSize)
    {
        public long? Shown(long count) => count == 0 || count >= MinCellSize ? count : null;

        public long? Shown(Tally tally) => Shown(Counts[tally]);

        public double? Share(Tally part, Tally whole) =>
            Shown(part) is { } p && Shown(whole) is { } w && w > 0 ? Math.Round((double)p / w, 4) : null;

        public double? Hours(Timing timing, double percentile)
        {
            var durations = Counts.Durations(timing);
            return durations.Values.Sum() >= Math.Max(1, MinCellSize) && DurationBuckets.Percentile(durations, percentile) is { } bucket
                ? Math.Round(DurationBuckets.Hours(bucket), 2)
                : null;
        }

        public IReadOnlyDictionary<string, long?> Reasons => Counts.NotSuccessfulReasons.ToDictionary(r => r.Key, r => Shown(r.Value), StringComparer.Ordinal);
    }

    public static IReadOnlyList<Column> All { get; } =
    [
        new("sent", "sent", f => f.Shown(Tally.Sent)),
        new("sentWithConsent", "sent_with_consent", f => f.Shown(f.Counts[Tally.Sent] - f.Counts[Tally.SentWithOverride])),
        new("sentWithOverride", "sent_with_override", f => f.Shown(Tally.SentWithOverride)),
        new("acknowledged", "acknowledged", f => f.Shown(Tally.Acknowledged)),
        new("acknowledgedWithinDeadline", "acknowledged_within_deadline", f => f.Shown(Tally.AcknowledgedWithinDeadline)),
        new("acknowledgedWithinDeadlineShare", "acknowledged_within_deadline_share", f => f.Share(Tally.AcknowledgedWithinDeadline, Tally.Acknowledged)),
        new("decided", "decided", f => f.Shown(Tally.Decided)),
        new("decidedWithinDeadline", "decided_within_deadline", f => f.Shown(Tally.DecidedWithinDeadline)),
        new("decidedWithinDeadlineShare", "decided_within_deadline_share", f => f.Share(Tally.DecidedWithinDeadline, Tally.Decided)),
        new("accepted", "accepted", f => f.Shown(Tally.Accepted)),
        new("declined", "declined", f => f.Shown(Tally.Declined)),
        new("firstContacts", "first_contacts", f => f.Shown(Tally.FirstContacts)),
        new("firstContactsWithinDeadline", "first_contacts_within_deadline", f => f.Shown(Tally.FirstContactsWithinDeadline)),
        new("firstContactsWithinDeadlineShare", "first_contacts_within_deadline_share", f => f.Share(Tally.FirstContactsWithinDeadline, Tally.FirstContacts)),
        new("outcomes", "outcomes", f => f.Shown(Tally.Outcomes)),
        new("outcomesSuccessful", "outcomes_successful", f => f.Shown(Tally.OutcomesSuccessful)),
        new("outcomesWithinDeadline", "outcomes_within_deadline", f => f.Shown(Tally.OutcomesWithinDeadline)),
        new("outcomesWithinDeadlineShare", "outcomes_within_deadline_share", f => f.Share(Tally.OutcomesWithinDeadline, Tally.Outcomes)),
        new("notSuccessfulReasons", "not_successful_reasons", f => f.Reasons),
        new("revoked", "revoked", f => f.Shown(Tally.Revoked)),
        new("revokedOnConsentWithdrawal", "revoked_on_consent_withdrawal", f => f.Shown(Tally.RevokedOnConsentWithdrawal)),
        new("closed", "closed", f => f.Shown(Tally.Closed)),
        new("hoursToAcknowledgeMedian", "hours_to_acknowledge_median", f => f.Hours(Timing.Acknowledge, 0.5)),
        new("hoursToAcknowledgeP90", "hours_to_acknowledge_p90", f => f.Hours(Timing.Acknowledge, 0.9)),
        new("hoursToDecideMedian", "hours_to_decide_median", f => f.Hours(Timing.Decide, 0.5)),
        new("hoursToDecideP90", "hours_to_decide_p90", f => f.Hours(Timing.Decide, 0.9)),
        new("hoursToFirstContactMedian", "hours_to_first_contact_median", f => f.Hours(Timing.FirstContact, 0.5)),
        new("hoursToFirstContactP90", "hours_to_first_contact_p90", f => f.Hours(Timing.FirstContact, 0.9)),
        new("hoursToOutcomeMedian", "hours_to_outcome_median", f => f.Hours(Timing.Outcome, 0.5)),
        new("hoursToOutcomeP90", "hours_to_outcome_p90", f => f.Hours(Timing.Outcome, 0.9)),
        new("overdueNow", "overdue_now", f => f.Shown(f.OverdueNow)),
    ];

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
}
