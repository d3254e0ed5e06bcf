using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;
using CaseFile = LegalAidReferral.Core.Documents.CaseDocument;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Document records (<see cref="CaseFile"/>; the Cosmos storage shape of a case is the other CaseDocument), one Cosmos DB item per case document (id: the document id) in the office's
/// partition, carrying the audit entries of its upload, which are then copied into the audit container.
/// </summary>
public sealed class CosmosDocumentCatalog(CosmosDatabase database) : IDocumentCatalog
{
    public async Task<bool> TryAddAsync(CaseFile document, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(audit);
        var record = DocumentRecord.Of(document, audit.Select(AuditDocument.Of).ToArray());
        if (!await database.Documents.TryCreateAsync(record, document.OfficeId, cancellationToken))
        {
            return false;
        }

        // The record is stored, so the upload is: its audit entries stay in it, where the audit trail
        // reads them until they are copied, and a failed copy must not make the caller undo the upload.
        try
        {
            await AuditProjection.ProjectAsync(database.Audit, record.Audit, CancellationToken.None);
        }
        catch (Exception e) when (e is CosmosException or HttpRequestException or OperationCanceledException)
        {
        }

        return true;
    }

    public async Task<CaseFile?> FindAsync(string officeId, Guid documentId, CancellationToken cancellationToken) =>
        (await database.Documents.ReadAsync<DocumentRecord>(documentId.ToString("D"), officeId, cancellationToken))?.Document.ToDocument();

    public Task<Page<CaseFile>> ListAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var take = KeysetPosition.Take(page);
        var query = CosmosQuery.In(officeId, CosmosPage.Top(take, "*"))
            .Where("c.caseId = @case", "@case", caseId.ToString("D"))
            .After(KeysetPosition.Parse(page.ContinuationToken), "uploadedAt", descending: false)
            .OrderBy("c.uploadedAt, c.id");
        return CosmosPage.ReadAsync<DocumentRecord, CaseFile>(
            database.Documents, query, officeId, take, r => (CosmosPage.Position(r.UploadedAt, r.Id), r.ToDocument()), cancellationToken);
    }

    public async Task<int> EraseCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT c.id FROM c WHERE c.officeId = @office AND c.caseId = @case")
            .WithParameter("@office", officeId)
            .WithParameter("@case", caseId.ToString("D"));
        var erased = 0;
        foreach (var row in await database.Documents.QueryAsync<IdRow>(query, officeId, cancellationToken))
        {
            erased += await database.Documents.DeleteAsync(row.Id, officeId, cancellationToken) ? 1 : 0;
        }

        return erased;
    }

    private sealed record IdRow(string Id);

    /// <summary>Storage shape 1 of a document record.</summary>
    private sealed record DocumentRecord(
        string Id,
        string OfficeId,
        string CaseId,
        string ContentId,
        string FileName,
        string ContentType,
        long SizeBytes,
        string Sha256,
        string UploadedBy,
        string UploadedAt,
        IReadOnlyList<AuditDocument> Audit,
        int Schema = 1)
    {
        public static DocumentRecord Of(CaseFile document, IReadOnlyList<AuditDocument> audit) =>
            new(
                document.Id.ToString("D"),
                document.OfficeId,
                document.CaseId.ToString("D"),
                document.ContentId.ToString("D"),
                document.FileName,
                document.ContentType,
                document.SizeBytes,
                document.Sha256,
                document.UploadedBy,
                CosmosTime.Of(document.UploadedAt),
                audit);

        public CaseFile ToDocument() =>
            new(
                Guid.ParseExact(Id, "D"),
                OfficeId,
                Guid.ParseExact(CaseId, "D"),
                Guid.ParseExact(ContentId, "D"),
                FileName,
                ContentType,
                SizeBytes,
                Sha256,
                UploadedBy,
                CosmosTime.Parse(UploadedAt));
    }
}
