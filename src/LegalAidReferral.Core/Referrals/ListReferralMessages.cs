using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>The thread of the caller's office's copy of a referral, oldest first, paged; the read is audited before it is answered.</summary>
public sealed class ListReferralMessages(ReferralReader reader, ReferralAudit audit)
{
    public async Task<Result<Page<ThreadMessage>>> HandleAsync(Guid referralId, PageRequest page, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var found = await reader.FindAsync(UseCase.ListReferralMessages, call.Caller, referralId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        var read = ReferralThread.Read(found.Value, page);
        await audit.RecordAsync(call, call.Caller.OfficeId, [found.Value], AuditAction.ReferralMessagesRead, cancellationToken);
        return read;
    }
}
