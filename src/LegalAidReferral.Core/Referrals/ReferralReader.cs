using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>Finds the caller's office's own copy of a referral; any other is not found, exactly like one that does not exist.</summary>
public sealed class ReferralReader(IReferralStore store, AccessPolicy access)
{
    public async Task<Result<Referral>> FindAsync(UseCase useCase, Caller caller, Guid referralId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (access.Admit(useCase, caller) is { } denied)
        {
            return denied;
        }

        return await store.FindAsync(caller.OfficeId, referralId, cancellationToken) is { } found && found.SideOf(caller) is not null
            ? found
            : Failure.NotFound("referral");
    }
}
