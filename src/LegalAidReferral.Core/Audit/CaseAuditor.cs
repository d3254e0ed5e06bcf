using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Audit;

/// <summary>
/// Builds the audit entries of accesses to cases, stamped with the caller and the time. A write hands
/// its entries to the case store, which commits them with the write; a read records them on the trail.
/// </summary>
public sealed class CaseAuditor(IAuditTrail trail, TimeProvider clock)
{
    /// <summary>Records a read of one case; it returns once the entry is committed.</summary>
    public Task RecordAsync(CallContext call, string officeId, Guid caseId, AuditAction action, CancellationToken cancellationToken) =>
        RecordAsync(call, officeId, [caseId], action, [], cancellationToken);

    /// <summary>Records a read of several cases; it returns once the entries are committed.</summary>
    public Task RecordAsync(CallContext call, string officeId, IReadOnlyList<Guid> caseIds, AuditAction action, IReadOnlyList<string> changes, CancellationToken cancellationToken) =>
        caseIds.Count == 0 ? Task.CompletedTask : trail.RecordAsync(Entries(call, officeId, caseIds, action, changes), cancellationToken);

    /// <summary>The entry of a write to one case, for the store to commit with the write.</summary>
    public IReadOnlyList<AuditEntry> Entries(CallContext call, string officeId, Guid caseId, AuditAction action, params IReadOnlyList<string> changes) =>
        Entries(call, officeId, [caseId], action, changes);

    /// <summary>One entry per case, all with the same time.</summary>
    public IReadOnlyList<AuditEntry> Entries(CallContext call, string officeId, IReadOnlyList<Guid> caseIds, AuditAction action, IReadOnlyList<string> changes)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(caseIds);
        var now = clock.GetUtcNow();
        return caseIds
            .Select(id => new AuditEntry(Guid.CreateVersion7(now), officeId, id, action, call.Caller.Id, call.Caller.OfficeId, now, call.CorrelationId, changes))
            .ToArray();
    }
}
