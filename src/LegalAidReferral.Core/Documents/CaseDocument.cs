namespace LegalAidReferral.Core.Documents;

/// <summary>
/// What the service knows of one stored document of a case. The file name is the sender's, cleaned
/// for display only: it may name the client, so it never appears in a storage path, a log or the audit.
/// </summary>
/// <param name="ContentId">The name of the stored bytes in the <see cref="IDocumentStore"/>: the document's id, or the id of the bytes an Idempotency-Key retry stored before the key named its document.</param>
/// <param name="ContentType">Decided from the content's first bytes (<see cref="DocumentTypes"/>).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
public sealed record CaseDocument(
    Guid Id,
    string OfficeId,
    Guid CaseId,
    Guid ContentId,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt)
{
    public DocumentAddress Address => new(OfficeId, CaseId, ContentId);
}
