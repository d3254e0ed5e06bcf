using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// The audit entries of an access to a referral copy. The sending copy's are entries of its case; the
/// receiving copy, which has no case here, keeps its own trail under the referral id.
/// </summary>
public sealed class ReferralAudit(CaseAuditor auditor)
{
    public IReadOnlyList<AuditEntry> Entries(CallContext call, Referral copy, AuditAction action, params IReadOnlyList<string> changes)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return auditor.Entries(call, copy.HolderOfficeId, copy.CaseId ?? copy.Id, action, changes);
    }

    public Task RecordAsync(CallContext call, string officeId, IReadOnlyList<Referral> copies, AuditAction action, CancellationToken cancellationToken) =>
        auditor.RecordAsync(call, officeId, copies.Select(c => c.CaseId ?? c.Id).ToArray(), action, [], cancellationToken);
}
