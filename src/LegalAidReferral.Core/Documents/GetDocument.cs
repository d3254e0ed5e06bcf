using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Documents;

/// <summary>Opens a document of one of the caller's office's cases; the download is audited before any byte is sent.</summary>
public sealed class GetDocument(AccessPolicy access, CaseReader cases, IDocumentCatalog catalog, IDocumentStore store, CaseAuditor auditor)
{
    public async Task<Result<DocumentContent>> HandleAsync(Guid caseId, Guid documentId, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.GetDocument, call.Caller) is { } denied)
        {
            return denied;
        }

        var found = await cases.FindAsync(UseCase.GetDocument, call.Caller, caseId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        if (await catalog.FindAsync(found.Value.OfficeId, documentId, cancellationToken) is not { } document || document.CaseId != found.Value.Id)
        {
            return Failure.NotFound("document");
        }

        await auditor.RecordAsync(call, document.OfficeId, [document.CaseId], AuditAction.DocumentDownloaded, [DocumentAudit.Change(document.Id)], cancellationToken);
        return await store.OpenReadAsync(document.Address, cancellationToken) is { } content
            ? new DocumentContent(document, content)
            : Failure.NotFound("document");
    }
}
