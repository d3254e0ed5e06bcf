using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Functions.Review;

/// <summary>A listed protocol event on the wire: pseudonymous, no categories.</summary>
public sealed record ReviewEventResource(
    Guid EventId,
    string ReferralPseudonym,
    ReferralKind Kind,
    Priority Priority,
    string FromOfficeId,
    string ToOfficeId,
    string Corridor,
    ReferralAction Step,
    ReferralStatus Status,
    DateTimeOffset OccurredAt,
    DateTimeOffset? DueAt,
    bool? WithinDeadline,
    bool ConsentOverridden,
    string Period)
{
    public static ReviewEventResource Of(ReviewedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.EventId, e.ReferralPseudonym, e.Kind, e.Priority, e.FromOfficeId, e.ToOfficeId, e.Corridor, e.Step, e.Status, e.OccurredAt, e.DueAt,
            e.WithinDeadline, e.ConsentOverridden, e.Period);
    }
}
