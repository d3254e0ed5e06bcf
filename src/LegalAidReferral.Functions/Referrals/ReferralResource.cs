using System.Text.Json;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>
/// An office's copy of a referral as the API shows it to that office's staff: the outgoing copy names
/// the case; the incoming copy carries the shared values instead (blanked, with the time, once the
/// client withdrew the consent). Both show every step, every deadline, and the actions the caller may take now.
/// </summary>
public sealed record ReferralResource(
    Guid Id,
    ReferralDirection Direction,
    Guid? CaseId,
    string FromOfficeId,
    string ToOfficeId,
    ReferralKind Kind,
    string? KindDescription,
    Priority Priority,
    string Reason,
    IReadOnlyList<string> SharedFields,
    JsonElement? Shared,
    DateTimeOffset? SharedWithdrawnAt,
    IReadOnlyList<string> DocumentIds,
    ConsentBasis Consent,
    ReferralStatus Status,
    string? AssignedDefenderId,
    ReferralOutcome? Outcome,
    IReadOnlyList<ReferralStep> Steps,
    IReadOnlyList<ReferralDeadline> Deadlines,
    IReadOnlyList<ReferralAction> AllowedActions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static ReferralResource Of(Referral r, Caller caller) => new(
        r.Id,
        r.Copy == ReferralCopy.Sending ? ReferralDirection.Outgoing : ReferralDirection.Incoming,
        r.CaseId,
        r.FromOfficeId,
        r.ToOfficeId,
        r.Kind,
        r.KindDescription,
        r.Priority,
        r.Reason,
        r.SharedFields,
        r.Package?.Values,
        r.Package?.WithdrawnAt,
        r.DocumentIds,
        r.Consent,
        r.Status,
        r.AssignedDefenderId,
        r.Outcome,
        r.Steps,
        r.Deadlines,
        r.AllowedActions(caller),
        r.CreatedAt,
        r.UpdatedAt,
        r.Version);
}
