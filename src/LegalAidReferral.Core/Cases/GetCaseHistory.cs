using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>The timeline of a case: every read and write, who, when, and which fields.</summary>
public sealed class GetCaseHistory(AccessPolicy access, CaseReader reader, IAuditTrail trail, CaseAuditor auditor)
{
    public sealed record Outcome(Case Case, Page<AuditEntry> Entries);

    public async Task<Result<Outcome>> HandleAsync(Guid caseId, PageRequest page, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.GetCaseHistory, call.Caller) is { } denied)
        {
            return denied;
        }

        var found = await reader.FindAsync(UseCase.GetCaseHistory, call.Caller, caseId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        var @case = found.Value;
        await auditor.RecordAsync(call, @case.OfficeId, @case.Id, AuditAction.HistoryRead, cancellationToken);
        var entries = await trail.ListForCaseAsync(@case.OfficeId, @case.Id, page, cancellationToken);
        return new Outcome(@case, entries);
    }
}
