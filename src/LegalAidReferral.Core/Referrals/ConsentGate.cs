using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// No referral leaves without the client's consent to share with the receiving office: a given,
/// not withdrawn <c>share-with-office</c> consent naming that office or any office (no office id).
/// A supervisor may override the gate with a written reason; the referral then carries the flag.
/// </summary>
public static class ConsentGate
{
    /// <summary>
    /// The consent the referral relies on (one naming the office before one for any office, the
    /// newest first), or the override; else ConsentRequired naming the missing consent, Forbidden
    /// for an override by someone who is not a supervisor, or a validation error for an override
    /// nobody needs (a consent covers the office, so the flag would mislead reviewers).
    /// </summary>
    public static Result<ConsentBasis> Check(Case @case, string toOfficeId, string? overrideReason, StaffCaller caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(caller);
        var covering = Covering(@case.Consents, toOfficeId);
        if (covering is not null)
        {
            return overrideReason is null
                ? new ConsentBasis(covering.Id, null)
                : Failure.Invalid("consentOverride", "A consent in force already covers this office, so there is nothing to override. Leave consentOverride out.");
        }

        if (overrideReason is null)
        {
            return new Failure(
                FailureKind.ConsentRequired,
                $"The client has no share-with-office consent in force for office '{toOfficeId}' or for any office. Record the client's consent, or ask a supervisor to override with a written reason.",
                new Dictionary<string, string[]> { ["consent"] = [$"share-with-office:{toOfficeId}"] });
        }

        if (!caller.Roles.Contains(Role.Supervisor))
        {
            return Failure.Forbidden("Only a supervisor can override the consent gate.");
        }

        return new ConsentBasis(null, new ConsentOverride(overrideReason, caller.Id, now));
    }

    /// <summary>The consent in force that covers <paramref name="officeId"/>: a named one before an any-office one, the newest first.</summary>
    public static Consent? Covering(IEnumerable<Consent> consents, string officeId) =>
        consents
            .Where(c => c.Purpose == ConsentPurpose.ShareWithOffice && c.IsInForce && (c.OfficeId is null || c.OfficeId == officeId))
            .OrderBy(c => c.OfficeId is null)
            .ThenByDescending(c => c.RecordedAt)
            .FirstOrDefault();

    /// <summary>
    /// Whether the withdrawal of <paramref name="withdrawn"/> must revoke <paramref name="referral"/>
    /// (the sending copy, from the case <paramref name="after"/> the withdrawal): it is still open,
    /// the withdrawn consent covered its office, and no consent still in force covers it. An
    /// overridden referral is revoked too: the client's withdrawal for that office outweighs an override.
    /// </summary>
    public static bool MustRevoke(Case after, Consent withdrawn, Referral referral)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(withdrawn);
        ArgumentNullException.ThrowIfNull(referral);
        return referral.CaseId == after.Id
            && ReferralActions.Find(referral.Status, ReferralAction.Revoke, ReferralSide.System) is not null
            && withdrawn.Purpose == ConsentPurpose.ShareWithOffice
            && (withdrawn.OfficeId is null || withdrawn.OfficeId == referral.ToOfficeId)
            && Covering(after.Consents, referral.ToOfficeId) is null;
    }
}
