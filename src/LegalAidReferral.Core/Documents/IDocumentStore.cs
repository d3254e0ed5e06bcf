namespace LegalAidReferral.Core.Documents;

/// <summary>
/// Port: the bytes of case documents (a local folder on the standalone host, Blob storage on Azure).
/// Each office's documents are kept apart (folder or prefix per office), and nothing is addressed by a
/// name the user chose. The contract suite in the infrastructure tests runs against every adapter.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end and stores it at <paramref name="address"/>, with the
    /// upload's type and hash as the stored item's metadata where the store keeps any. When a read throws
    /// (a refused or broken upload), nothing is kept and the exception propagates. An existing item at
    /// the address is never overwritten.
    /// </summary>
    Task PutAsync(DocumentAddress address, DocumentUpload content, CancellationToken cancellationToken);

    /// <summary>The stored bytes as a stream the caller disposes, or null when nothing is stored at the address.</summary>
    Task<Stream?> OpenReadAsync(DocumentAddress address, CancellationToken cancellationToken);

    /// <summary>The content ids stored for one case of one office, in no particular order.</summary>
    Task<IReadOnlyList<Guid>> ListAsync(string officeId, Guid caseId, CancellationToken cancellationToken);

    /// <summary>Deletes the item; false when there was none.</summary>
    Task<bool> DeleteAsync(DocumentAddress address, CancellationToken cancellationToken);

    /// <summary>Deletes every item of the case (erasure); returns how many there were.</summary>
    Task<int> EraseCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken);
}
