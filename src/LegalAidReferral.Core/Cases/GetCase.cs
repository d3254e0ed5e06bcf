using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>Reads one case of the caller's office.</summary>
public sealed class GetCase(ICaseStore store, CaseAuditor auditor)
{
    public async Task<Result<Case>> HandleAsync(Guid caseId, CallContext call, CancellationToken cancellationToken)
    {
        if (CaseAccess.Check(call.Actor) is { } denied)
        {
            return denied;
        }

        var found = await store.FindAsync(call.Actor.OfficeId, caseId, cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("case");
        }

        await auditor.RecordAsync(call, found.OfficeId, found.Id, AuditAction.CaseRead, cancellationToken);
        return found;
    }
}
