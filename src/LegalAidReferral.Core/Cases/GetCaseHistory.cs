using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>The timeline of a case: every read and write, who, when, and which fields.</summary>
public sealed class GetCaseHistory(ICaseStore store, IAuditTrail trail, CaseAuditor auditor)
{
    public sealed record Outcome(Case Case, Page<AuditEntry> Entries);

    public async Task<Result<Outcome>> HandleAsync(Guid caseId, PageRequest page, CallContext call, CancellationToken cancellationToken)
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

        await auditor.RecordAsync(call, found.OfficeId, found.Id, AuditAction.HistoryRead, cancellationToken);
        var entries = await trail.ListForCaseAsync(found.OfficeId, found.Id, page, cancellationToken);
        return new Outcome(found, entries);
    }
}
