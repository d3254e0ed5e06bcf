using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>Reads the caller's office's copy of a referral; the read is audited before it is answered.</summary>
public sealed class GetReferral(ReferralReader reader, ReferralAudit audit)
{
    public async Task<Result<Referral>> HandleAsync(Guid referralId, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var found = await reader.FindAsync(UseCase.GetReferral, call.Caller, referralId, cancellationToken);
        if (found.IsSuccess)
        {
            await audit.RecordAsync(call, call.Caller.OfficeId, [found.Value], AuditAction.ReferralRead, cancellationToken);
        }

        return found;
    }
}
