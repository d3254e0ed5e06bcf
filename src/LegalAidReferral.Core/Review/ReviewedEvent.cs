using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// A protocol event as the review stores and lists it: pseudonymous, and without the coarse
/// categories (gender, age band, vulnerable groups), which only ever appear in suppressed aggregates.
/// </summary>
public sealed record ReviewedEvent(
    Guid EventId,
    string ReferralPseudonym,
    ReferralKind Kind,
    Priority Priority,
    string FromOfficeId,
    string ToOfficeId,
    string FromCountry,
    string ToCountry,
    ReferralAction Step,
    ReferralStatus Status,
    DateTimeOffset OccurredAt,
    DateTimeOffset? DueAt,
    bool? WithinDeadline,
    bool ConsentOverridden,
    string Period)
{
    public string Corridor => $"{FromCountry}-{ToCountry}";

    public static ReviewedEvent Of(ProtocolEvent e, string period)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ReviewedEvent(
            e.EventId, e.ReferralPseudonym, e.Kind, e.Priority, e.FromOfficeId, e.ToOfficeId, e.FromCountry, e.ToCountry, e.Step, e.Status,
            e.OccurredAt, e.DueAt, e.WithinDeadline, e.ConsentOverridden, period);
    }
}
