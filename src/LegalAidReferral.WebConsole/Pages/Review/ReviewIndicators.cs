using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Pages.Review;

/// <summary>An indicator the page shows: its JSON name (its text is <c>Review.Indicator.{name}</c>), its format and how it is read.</summary>
/// <param name="Basis">For a share or a time: the count it is measured on, to tell "nothing to measure" from "suppressed".</param>
public sealed record ReviewIndicator(string Name, FigureFormat Format, Func<Indicators, double?> Read, Func<Indicators, long?>? Basis = null)
{
    public string TextKey => $"Review.Indicator.{Name}";

    public ReviewFigure Of(Indicators row) => ReviewFigure.Of(Read(row), Format, Basis?.Invoke(row));
}

/// <summary>A group of indicators shown together: a tile, or a trend chart (its text is <c>Review.{kind}.{name}</c>).</summary>
public sealed record IndicatorSet(string Name, IReadOnlyList<ReviewIndicator> Indicators);

/// <summary>An indicator broken down by code (e.g. unsuccessful outcomes by reason): a table of code and count.</summary>
/// <param name="CodeEnum">The enum whose texts name the codes (<c>{CodeEnum}.{code}</c>); a code without a text is shown as it is.</param>
public sealed record ReviewBreakdown(string Name, string CodeEnum, Func<Indicators, IReadOnlyDictionary<string, long?>?> Read)
{
    public string TextKey => $"Review.Breakdown.{Name}";
}

/// <summary>
/// What the review page shows, in one place: a new indicator, tile, chart column or breakdown of
/// the API is one line here (and its texts).
/// </summary>
public static class ReviewIndicators
{
    public static readonly ReviewIndicator Sent = new("sent", FigureFormat.Count, i => i.Sent);
    public static readonly ReviewIndicator SentWithConsent = new("sentWithConsent", FigureFormat.Count, i => i.SentWithConsent);
    public static readonly ReviewIndicator SentWithOverride = new("sentWithOverride", FigureFormat.Count, i => i.SentWithOverride);
    public static readonly ReviewIndicator Accepted = new("accepted", FigureFormat.Count, i => i.Accepted);
    public static readonly ReviewIndicator Declined = new("declined", FigureFormat.Count, i => i.Declined);
    public static readonly ReviewIndicator Revoked = new("revoked", FigureFormat.Count, i => i.Revoked);
    public static readonly ReviewIndicator OverdueNow = new("overdueNow", FigureFormat.Count, i => i.OverdueNow);

    public static readonly ReviewIndicator AcknowledgedShare = new("acknowledgedWithinDeadlineShare", FigureFormat.Share, i => i.AcknowledgedWithinDeadlineShare, i => i.Acknowledged);
    public static readonly ReviewIndicator DecidedShare = new("decidedWithinDeadlineShare", FigureFormat.Share, i => i.DecidedWithinDeadlineShare, i => i.Decided);
    public static readonly ReviewIndicator FirstContactShare = new("firstContactsWithinDeadlineShare", FigureFormat.Share, i => i.FirstContactsWithinDeadlineShare, i => i.FirstContacts);
    public static readonly ReviewIndicator OutcomeShare = new("outcomesWithinDeadlineShare", FigureFormat.Share, i => i.OutcomesWithinDeadlineShare, i => i.Outcomes);

    public static readonly ReviewIndicator AcknowledgeMedian = new("hoursToAcknowledgeMedian", FigureFormat.Hours, i => i.HoursToAcknowledgeMedian, i => i.Acknowledged);
    public static readonly ReviewIndicator AcknowledgeP90 = new("hoursToAcknowledgeP90", FigureFormat.Hours, i => i.HoursToAcknowledgeP90, i => i.Acknowledged);
    public static readonly ReviewIndicator DecideMedian = new("hoursToDecideMedian", FigureFormat.Hours, i => i.HoursToDecideMedian, i => i.Decided);
    public static readonly ReviewIndicator DecideP90 = new("hoursToDecideP90", FigureFormat.Hours, i => i.HoursToDecideP90, i => i.Decided);
    public static readonly ReviewIndicator FirstContactMedian = new("hoursToFirstContactMedian", FigureFormat.Hours, i => i.HoursToFirstContactMedian, i => i.FirstContacts);
    public static readonly ReviewIndicator FirstContactP90 = new("hoursToFirstContactP90", FigureFormat.Hours, i => i.HoursToFirstContactP90, i => i.FirstContacts);
    public static readonly ReviewIndicator OutcomeMedian = new("hoursToOutcomeMedian", FigureFormat.Hours, i => i.HoursToOutcomeMedian, i => i.Outcomes);
    public static readonly ReviewIndicator OutcomeP90 = new("hoursToOutcomeP90", FigureFormat.Hours, i => i.HoursToOutcomeP90, i => i.Outcomes);

    /// <summary>The tiles of the whole range (texts <c>Review.Tile.{name}</c>).</summary>
    public static IReadOnlyList<IndicatorSet> Tiles { get; } =
    [
        new("sent", [Sent, SentWithConsent, SentWithOverride]),
        new("acknowledge", [AcknowledgedShare, AcknowledgeMedian, AcknowledgeP90]),
        new("decide", [DecidedShare, DecideMedian, DecideP90]),
        new("firstContact", [FirstContactShare, FirstContactMedian, FirstContactP90]),
        new("outcome", [OutcomeShare, OutcomeMedian, OutcomeP90]),
        new("decisions", [Accepted, Declined, Revoked]),
        new("overdue", [OverdueNow]),
    ];

    /// <summary>The monthly trend charts (texts <c>Review.Chart.{name}</c>): one chart per group, one series per indicator.</summary>
    public static IReadOnlyList<IndicatorSet> Charts { get; } =
    [
        new("volume", [Sent, Accepted, Declined, SentWithOverride]),
        new("shares", [AcknowledgedShare, DecidedShare, FirstContactShare, OutcomeShare]),
        new("medians", [AcknowledgeMedian, DecideMedian, FirstContactMedian, OutcomeMedian]),
        new("p90", [AcknowledgeP90, DecideP90, FirstContactP90, OutcomeP90]),
    ];

    /// <summary>The columns of the gender, group and corridor tables.</summary>
    public static IReadOnlyList<ReviewIndicator> Columns { get; } =
        [Sent, SentWithOverride, AcknowledgedShare, DecidedShare, DecideMedian, Declined, OverdueNow];

    /// <summary>The indicators broken down by code.</summary>
    public static IReadOnlyList<ReviewBreakdown> Breakdowns { get; } =
    [
        new("notSuccessfulReasons", "NotSuccessfulReason", i => i.NotSuccessfulReasons),
        new("declinedReasons", "DeclineReason", i => new Dictionary<string, long?>
        {
            ["no-capacity"] = i.DeclinedNoCapacity,
            ["outside-mandate"] = i.DeclinedOutsideMandate,
            ["conflict-of-interest"] = i.DeclinedConflictOfInterest,
            ["client-unreachable"] = i.DeclinedClientUnreachable,
            ["other"] = i.DeclinedOther,
            ["unspecified"] = i.DeclinedUnspecified,
        }),
    ];
}
