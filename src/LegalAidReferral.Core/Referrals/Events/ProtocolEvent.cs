using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Referrals.Events;

/// <summary>
/// What reviewers and the regional hub learn of one referral step: pseudonymous, no name, no date
/// of birth, no free text, no document. The coarse categories are for aggregates with small-cell
/// suppression only, never for a list shown to a person.
/// </summary>
public sealed record ProtocolEvent(
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
    GenderCategory Gender,
    AgeBand AgeBand,
    IReadOnlyList<Vulnerability> VulnerableGroups)
{
    public const int SchemaVersion = 1;

    /// <summary>From country to country, e.g. <c>GT-MX</c>.</summary>
    public string Corridor => $"{FromCountry}-{ToCountry}";

    /// <summary>
    /// The event of <paramref name="step"/>, which the office that took it emits (through its outbox)
    /// right after taking it. A step received from the other office emits nothing: its taker did.
    /// </summary>
    public static ProtocolEvent Of(Referral referral, ReferralStep step, Pseudonyms pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(pseudonyms);
        return new ProtocolEvent(
            pseudonyms.Event(step.Id),
            pseudonyms.Referral(referral.Id),
            referral.Kind,
            referral.Priority,
            referral.FromOfficeId,
            referral.ToOfficeId,
            referral.FromCountry,
            referral.ToCountry,
            step.Action,
            step.To,
            step.At,
            step.DueAt,
            step.WithinDeadline,
            referral.Consent.Overridden,
            referral.Categories.Gender,
            referral.Categories.AgeBand,
            referral.Categories.VulnerableGroups);
    }
}
