using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>The caller's office's incoming or outgoing referrals, newest first, paged; every listed copy's read is audited.</summary>
public sealed class ListReferrals(AccessPolicy access, IReferralStore store, ReferralAudit audit)
{
    public async Task<Result<Page<Referral>>> HandleAsync(ReferralQuery query, PageRequest page, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.ListReferrals, call.Caller) is { } denied)
        {
            return denied;
        }

        var found = await store.ListAsync(call.Caller.OfficeId, query, page, cancellationToken);
        await audit.RecordAsync(call, call.Caller.OfficeId, found.Items, AuditAction.ReferralsListed, cancellationToken);
        return found;
    }
}
