using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>Reads one case of the caller's office.</summary>
public sealed class GetCase(AccessPolicy access, CaseReader reader, CaseAuditor auditor)
{
    public async Task<Result<Case>> HandleAsync(Guid caseId, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.GetCase, call.Caller) is { } denied)
        {
            return denied;
        }

        var found = await reader.FindAsync(UseCase.GetCase, call.Caller, caseId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        await auditor.RecordAsync(call, found.Value.OfficeId, found.Value.Id, AuditAction.CaseRead, cancellationToken);
        return found.Value;
    }
}
