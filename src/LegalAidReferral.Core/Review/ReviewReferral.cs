using System.Text.Json.Serialization;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// What the review knows of one referral's deadlines, to list the overdue ones: the deadlines its
/// steps started, the kinds its steps met, and whether it ended (declined, completed, closed,
/// revoked). Merging is a union, so events merged in any order, or twice, give the same state.
/// </summary>
public sealed record ReviewReferral(
    string Pseudonym,
    string FromOfficeId,
    string ToOfficeId,
    string FromCountry,
    string ToCountry,
    ReferralKind Kind,
    Priority Priority,
    GenderCategory Gender,
    int Groups,
    IReadOnlyList<EventDeadline> Started,
    IReadOnlyList<DeadlineKind> Met,
    bool Ended)
{
    private static readonly HashSet<ReferralStatus> Ends =
        [ReferralStatus.Declined, ReferralStatus.Completed, ReferralStatus.Closed, ReferralStatus.Revoked];

    [JsonIgnore]
    public string Corridor => $"{FromCountry}-{ToCountry}";

    /// <summary>The earliest due time of a started deadline not met yet, while the referral is open; null otherwise.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDueAt => Open.Select(d => (DateTimeOffset?)d.DueAt).Min();

    /// <summary>The open deadline that falls due first.</summary>
    [JsonIgnore]
    public EventDeadline? NextDeadline => Open.OrderBy(d => d.DueAt).FirstOrDefault();

    private IEnumerable<EventDeadline> Open => Ended ? [] : Started.Where(d => !Met.Contains(d.Kind));

    public static ReviewReferral Merge(ReviewReferral? known, ProtocolEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var started = (known?.Started ?? []).Concat(e.Starts ?? []).GroupBy(d => d.Kind).Select(g => g.MinBy(d => d.DueAt)!).OrderBy(d => d.Kind).ToArray();
        var met = (known?.Met ?? []).Concat(e.Meets is { } kind ? [kind] : []).Distinct().Order().ToArray();
        return new ReviewReferral(
            e.ReferralPseudonym, e.FromOfficeId, e.ToOfficeId, e.FromCountry, e.ToCountry, e.Kind, e.Priority, e.Gender,
            ReviewGroups.MaskOf(e.VulnerableGroups), started, met, (known?.Ended ?? false) || Ends.Contains(e.Status));
    }
}
