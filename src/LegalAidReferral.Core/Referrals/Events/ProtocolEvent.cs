using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Referrals.Events;

/// <summary>
/// What reviewers and the regional hub learn of one referral step: pseudonymous, no name, no date
/// of birth, no free text, no document. The coarse categories are for aggregates with small-cell
/// suppression only, never for a list shown to a person. <see cref="Meets"/> and
/// <see cref="DeadlineStartedAt"/> let the review time a step (from the start of the deadline it
/// met) from this event alone; <see cref="Starts"/> lets it see a deadline fall overdue;
/// <see cref="ReasonCode"/> is a code only: the unsuccessful outcome's code from the receiving
/// office's list, the decline's <see cref="DeclineReason"/> code, or <c>consent-withdrawn</c> for the
/// system's revoke, never a written reason.
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
    IReadOnlyList<Vulnerability> VulnerableGroups,
    DeadlineKind? Meets,
    DateTimeOffset? DeadlineStartedAt,
    IReadOnlyList<EventDeadline> Starts,
    bool? Successful,
    string? ReasonCode)
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
            referral.Categories.VulnerableGroups,
            step.Meets,
            step.Meets is { } met ? referral.Deadlines.FirstOrDefault(d => d.Kind == met)?.StartedAt : null,
            step.Starts.Select(d => new EventDeadline(d.Kind, d.DueAt, d.RepeatEveryDays)).ToArray(),
            step.Outcome?.Successful,
            ReasonCodeOf(step));
    }

    /// <summary>The code a step states, never its written reason: an unsuccessful outcome's, a decline's, or <c>consent-withdrawn</c> on the system's revoke.</summary>
    private static string? ReasonCodeOf(ReferralStep step) => step switch
    {
        { Outcome.ReasonNotSuccessful: { } code } => code,
        { ReasonCode: { } declined } => Kebab<DeclineReason>.Name(declined),
        { WithdrawsConsent: true } => ReferralStep.ConsentWithdrawnReason,
        _ => null,
    };
}

/// <summary>A deadline a step started, as the review sees it: which, when due, and how often it recurs.</summary>
public sealed record EventDeadline(DeadlineKind Kind, DateTimeOffset DueAt, int? RepeatEveryDays);
