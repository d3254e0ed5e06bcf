using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Documents;

/// <summary>Lists the documents of one of the caller's office's cases, oldest first; the listing is audited on the case.</summary>
public sealed class ListDocuments(AccessPolicy access, CaseReader cases, IDocumentCatalog catalog, CaseAuditor auditor)
{
    public async Task<Result<Page<CaseDocument>>> HandleAsync(Guid caseId, PageRequest page, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.ListDocuments, call.Caller) is { } denied)
        {
            return denied;
        }

        var found = await cases.FindAsync(UseCase.ListDocuments, call.Caller, caseId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        var documents = await catalog.ListAsync(found.Value.OfficeId, found.Value.Id, page, cancellationToken);
        await auditor.RecordAsync(call, found.Value.OfficeId, [found.Value.Id], AuditAction.DocumentsListed, [.. documents.Items.Select(d => DocumentAudit.Change(d.Id))], cancellationToken);
        return documents;
    }
}
