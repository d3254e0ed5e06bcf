using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Audit;

/// <summary>Records accesses to cases on the audit trail, stamped with the caller and the time.</summary>
public sealed class CaseAuditor(IAuditTrail trail, TimeProvider clock)
{
    public Task RecordAsync(CallContext call, string officeId, Guid caseId, AuditAction action, CancellationToken cancellationToken, params IReadOnlyList<string> changes) =>
        RecordAsync(call, officeId, [caseId], action, changes, cancellationToken);

    public Task RecordAsync(CallContext call, string officeId, IReadOnlyList<Guid> caseIds, AuditAction action, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = clock.GetUtcNow();
        var entries = caseIds
            .Select(id => new AuditEntry(Guid.CreateVersion7(now), officeId, id, action, call.Actor.UserId, call.Actor.OfficeId, now, call.CorrelationId, changes))
            .ToArray();
        return trail.RecordAsync(entries, cancellationToken);
    }
}
