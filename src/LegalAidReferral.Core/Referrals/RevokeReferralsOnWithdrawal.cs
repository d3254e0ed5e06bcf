using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals.Events;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// When a client withdraws a consent, every open referral of the case that relied on it is revoked by
/// the system (<see cref="ConsentGate.MustRevoke"/>); the revoke travels to the receiving office, whose
/// copy of the shared values is blanked. A referral already revoked is left as it is, so running this
/// again changes nothing.
/// </summary>
public sealed class RevokeReferralsOnWithdrawal(IReferralStore store, ReferralAudit audit, Pseudonyms pseudonyms, TimeProvider clock)
    : IConsentWithdrawalEffects
{
    public const string Process = "consent-withdrawal";
    private const int MaxAttempts = 5;

    public async Task ApplyAsync(Case @case, Consent withdrawn, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(call);
        var system = new CallContext(new SystemCaller(Process, @case.OfficeId), call.CorrelationId);
        foreach (var listed in await store.ListForCaseAsync(@case.OfficeId, @case.Id, cancellationToken))
        {
            await RevokeAsync(listed, @case, withdrawn, system, cancellationToken);
        }
    }

    private async Task RevokeAsync(Referral listed, Case @case, Consent withdrawn, CallContext system, CancellationToken cancellationToken)
    {
        var copy = listed;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (!ConsentGate.MustRevoke(@case, withdrawn, copy))
            {
                return;
            }

            var now = clock.GetUtcNow();
            var change = copy.RevokeForWithdrawnConsent((SystemCaller)system.Caller, Guid.CreateVersion7(now), now);
            if (!change.IsSuccess)
            {
                return;
            }

            var messages = ReferralMessages.Of(change.Value.Referral, change.Value.Step, null, pseudonyms);
            var entries = audit.Entries(system, change.Value.Referral, AuditAction.ReferralStepTaken, "revoke", ReferralStep.ConsentWithdrawnReason);
            if (await store.TryReplaceAsync(change.Value.Referral, copy.Version, messages, entries, cancellationToken))
            {
                return;
            }

            copy = await store.FindAsync(copy.HolderOfficeId, copy.Id, cancellationToken) ?? throw new InvalidOperationException("A referral copy vanished.");
        }

        throw new InvalidOperationException("A referral kept changing while it was revoked for a withdrawn consent; withdraw again to finish.");
    }
}
