using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Audit;

/// <summary>Port: the append-only record of every read and write of a case.</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Records the entries. Cancellation only stops the caller's wait: the access happened, so its
    /// entries are still written.
    /// </summary>
    Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>The entries of one case, oldest first.</summary>
    Task<Page<AuditEntry>> ListForCaseAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken);
}
