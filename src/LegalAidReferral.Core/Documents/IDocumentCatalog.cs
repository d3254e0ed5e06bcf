using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Documents;

/// <summary>
/// Port: what is known of each stored document (<see cref="CaseDocument"/>), keyed by office and
/// document id (on Cosmos DB: partition key <c>/officeId</c>, id = document id, so every read is a
/// point read or a single-partition query).
/// </summary>
public interface IDocumentCatalog
{
    /// <summary>
    /// Stores the document's record with the audit entries of its upload, in one write. False when a
    /// document with this id exists in the office already (an Idempotency-Key race): nothing is written.
    /// </summary>
    Task<bool> TryAddAsync(CaseDocument document, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    Task<CaseDocument?> FindAsync(string officeId, Guid documentId, CancellationToken cancellationToken);

    /// <summary>The case's documents, oldest first, paged.</summary>
    Task<Page<CaseDocument>> ListAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Removes every record of the case (erasure); returns how many there were.</summary>
    Task<int> EraseCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken);
}
