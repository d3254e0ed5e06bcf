namespace LegalAidReferral.WebConsole.Api;

// The console's view of the adherence review (docs/review.md; checked against openapi.json by a test).
// A null indicator is suppressed (or, for a share or a time, has nothing to measure): never zero.

public sealed record Indicators(
    long? Sent, long? SentWithConsent, long? SentWithOverride,
    long? Acknowledged, long? AcknowledgedWithinDeadline, double? AcknowledgedWithinDeadlineShare,
    long? Decided, long? DecidedWithinDeadline, double? DecidedWithinDeadlineShare,
    long? Accepted, long? Declined,
    long? FirstContacts, long? FirstContactsWithinDeadline, double? FirstContactsWithinDeadlineShare,
    long? Outcomes, long? OutcomesSuccessful, long? OutcomesWithinDeadline, double? OutcomesWithinDeadlineShare,
    IReadOnlyDictionary<string, long?> NotSuccessfulReasons,
    long? Revoked, long? RevokedOnConsentWithdrawal, long? Closed,
    double? HoursToAcknowledgeMedian, double? HoursToAcknowledgeP90,
    double? HoursToDecideMedian, double? HoursToDecideP90,
    double? HoursToFirstContactMedian, double? HoursToFirstContactP90,
    double? HoursToOutcomeMedian, double? HoursToOutcomeP90,
    long? OverdueNow,
    long? DeclinedNoCapacity, long? DeclinedOutsideMandate, long? DeclinedConflictOfInterest, long? DeclinedClientUnreachable, long? DeclinedOther,
    long? DeclinedUnspecified);

public sealed record CategoryIndicators(string Category, Indicators Indicators);

public sealed record CorridorIndicators(string Corridor, Indicators Total, IReadOnlyList<CategoryIndicators> ByGender, IReadOnlyList<CategoryIndicators> ByGroup);

public sealed record AdherenceBreakdown(
    string Period, Indicators Total, IReadOnlyList<CategoryIndicators> ByGender, IReadOnlyList<CategoryIndicators> ByGroup, IReadOnlyList<CorridorIndicators> ByCorridor);

public sealed record OverdueReferral(
    string ReferralPseudonym, string Kind, string Priority, string FromOfficeId, string ToOfficeId, string Corridor, string Deadline, DateTimeOffset DueAt);

public sealed record AdherenceReport(
    string From, string To, string TimeZone, int MinCellSize, DateTimeOffset GeneratedAt,
    AdherenceBreakdown Summary, IReadOnlyList<AdherenceBreakdown> Monthly, IReadOnlyList<OverdueReferral> Overdue);

/// <summary>The CSV of a report, as the API named it (<c>Content-Disposition</c>).</summary>
public sealed record AdherenceCsv(byte[] Bytes, string FileName);

/// <summary>
/// The filters of the review routes, each the query parameter of its name (a test holds them to the
/// parameters of <c>GET /api/review/adherence</c>); null leaves the API's default.
/// </summary>
public sealed record ReviewFilter(
    string? From = null, string? To = null, string? Country = null, string? OfficeId = null, string? Corridor = null,
    string? Kind = null, string? Priority = null, string? Gender = null, string? Group = null)
{
    /// <summary>The API leaves the overdue list out when a category is filtered (it would tell each listed referral's category).</summary>
    public bool FiltersCategories => Gender is not null || Group is not null;

    public IReadOnlyList<(string Name, string? Value)> Parameters =>
    [
        ("from", From), ("to", To), ("country", Country), ("officeId", OfficeId), ("corridor", Corridor),
        ("kind", Kind), ("priority", Priority), ("gender", Gender), ("group", Group),
    ];
}
