using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Documents;

/// <summary>
/// The receiving office opens a document the referral names, through its own copy of the referral: only
/// the documents in its <c>documentIds</c>, and only while the referral shares them (not once revoked or
/// declined, nor once the client withdrew the consent and the shared values were blanked). The download
/// is audited on both sides: under the referral id for the receiving office, and on the sending office's case.
/// The receiving copy's list came in a message, so the document must also be named by the sending
/// office's own copy and belong to its case: a delivery that names another document (a faulty or
/// forged sender) reaches nothing. A referral from another deployment finds no sending copy here, and
/// no document either: documents do not travel between deployments (docs/documents.md).
/// </summary>
public sealed class GetReferralDocument(ReferralReader referrals, IReferralStore copies, IDocumentCatalog catalog, IDocumentStore store, CaseAuditor auditor, IAuditTrail trail)
{
    private static readonly Failure NoLongerShared = new(
        FailureKind.NotFound, "The referral no longer shares its documents: it was revoked or declined, or the client withdrew the consent.");

    public async Task<Result<DocumentContent>> HandleAsync(Guid referralId, Guid documentId, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var found = await referrals.FindAsync(UseCase.GetReferralDocument, call.Caller, referralId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        var referral = found.Value;
        if (referral.Copy != ReferralCopy.Receiving || !referral.DocumentIds.Any(id => Guid.TryParse(id, out var named) && named == documentId))
        {
            return Failure.NotFound("document");
        }

        if (referral.Status is ReferralStatus.Revoked or ReferralStatus.Declined || referral.Package?.WithdrawnAt is not null)
        {
            return NoLongerShared;
        }

        var sending = await copies.FindAsync(referral.FromOfficeId, referralId, cancellationToken);
        if (sending is not { Copy: ReferralCopy.Sending, CaseId: { } caseId }
            || !sending.DocumentIds.Any(id => Guid.TryParse(id, out var named) && named == documentId)
            || await catalog.FindAsync(referral.FromOfficeId, documentId, cancellationToken) is not { } document
            || document.CaseId != caseId)
        {
            return Failure.NotFound("document");
        }

        var changes = new[] { DocumentAudit.Change(document.Id), DocumentAudit.Referral(referral.Id) };
        IReadOnlyList<AuditEntry> entries =
        [
            .. auditor.Entries(call, referral.ToOfficeId, referral.Id, AuditAction.ReferralDocumentDownloaded, changes),
            .. auditor.Entries(call, referral.FromOfficeId, document.CaseId, AuditAction.ReferralDocumentDownloaded, changes),
        ];
        await trail.RecordAsync(entries, cancellationToken);
        return await store.OpenReadAsync(document.Address, cancellationToken) is { } content
            ? new DocumentContent(document, content)
            : Failure.NotFound("document");
    }
}
