using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>
/// What a withdrawn consent does beyond the case (open referrals that relied on it are revoked).
/// Idempotent: it runs after every withdrawal attempt of a consent that is withdrawn, a retry
/// included, so effects a crash interrupted are completed by the retry.
/// </summary>
public interface IConsentWithdrawalEffects
{
    Task ApplyAsync(Case @case, Consent withdrawn, CallContext call, CancellationToken cancellationToken);
}
