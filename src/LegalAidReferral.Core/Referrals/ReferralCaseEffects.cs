using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Referrals;

/// <summary>What a referral step does to the sending office's case.</summary>
public static class ReferralCaseEffects
{
    /// <summary>
    /// The case after <paramref name="step"/> reached the sending copy <paramref name="referral"/>:
    /// an accepted representation referral moves it to referred-out (<see cref="Case.ReferredOut"/>);
    /// any other step leaves it unchanged (the same instance, so the caller knows nothing needs saving).
    /// </summary>
    public static Case Apply(Case @case, Referral referral, ReferralStep step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(step);
        if (referral.CaseId != @case.Id)
        {
            throw new ArgumentException("The referral is not one of this case's.", nameof(referral));
        }

        return Changes(referral, step)
            ? @case.ReferredOut($"Representation referral {referral.Id:D} accepted by office '{referral.ToOfficeId}'.", step.By, now)
            : @case;
    }

    /// <summary>Whether <paramref name="step"/> of <paramref name="referral"/> changes the case at all, so a step that does not need not read it.</summary>
    public static bool Changes(Referral referral, ReferralStep step)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(step);
        return referral.Kind == ReferralKind.Representation && step.Action == ReferralAction.Accept;
    }
}
