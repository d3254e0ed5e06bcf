using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Documents;

/// <summary>
/// Stores a document of one of the caller's office's cases: the content streams into the
/// <see cref="IDocumentStore"/> through a <see cref="DocumentUpload"/> (type by magic bytes, size limit,
/// SHA-256), then its record and the audit entry are written. A refused or broken upload keeps nothing.
/// With an Idempotency-Key, a retry with the same content and file name answers the first document.
/// </summary>
public sealed class UploadDocument(
    AccessPolicy access,
    CaseReader cases,
    IDocumentStore store,
    IDocumentCatalog catalog,
    IdempotencyGuard idempotency,
    CaseAuditor auditor,
    DocumentOptions options,
    TimeProvider clock)
{
    public sealed record Command(Guid CaseId, IDocumentSource Source, string? IdempotencyKey);

    public sealed record Outcome(CaseDocument Document, bool Replayed);

    public async Task<Result<Outcome>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.UploadDocument, call.Caller) is { } denied)
        {
            return denied;
        }

        if (IdempotencyGuard.Check(command.IdempotencyKey) is { } invalidKey)
        {
            return invalidKey;
        }

        var found = await cases.FindAsync(UseCase.UploadDocument, call.Caller, command.CaseId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        var incoming = await command.Source.OpenAsync(cancellationToken);
        if (!incoming.IsSuccess)
        {
            return incoming.Failure;
        }

        var @case = found.Value;
        var now = clock.GetUtcNow();
        var address = new DocumentAddress(@case.OfficeId, @case.Id, Guid.CreateVersion7(now));
        using var upload = new DocumentUpload(incoming.Value.Content, options.MaxBytes);
        try
        {
            await store.PutAsync(address, upload, cancellationToken);
        }
        catch (DocumentRefusedException refused)
        {
            return Refused(refused.Refusal);
        }

        // Bytes without a record would be personal data nothing lists: whatever stops the record, they go.
        var fileName = DocumentFileNames.Clean(incoming.Value.FileName, upload.Type);
        Result<Outcome> stored;
        try
        {
            stored = await RecordAsync(address, upload, fileName, command.IdempotencyKey, call, now, cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(address, CancellationToken.None);
            throw;
        }

        if (!stored.IsSuccess || stored.Value.Replayed)
        {
            await store.DeleteAsync(address, CancellationToken.None);
        }

        return stored;
    }

    private async Task<Result<Outcome>> RecordAsync(
        DocumentAddress address, DocumentUpload upload, string fileName, string? key, CallContext call, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var documentId = address.ContentId;
        if (key is not null)
        {
            // The multipart framing differs between retries; the content and its name are the request.
            var reserved = await idempotency.ResourceIdAsync(
                $"{address.OfficeId}/cases/{address.CaseId:D}/documents", key, $"{upload.Sha256}|{fileName}", cancellationToken);
            if (!reserved.IsSuccess)
            {
                return reserved.Failure;
            }

            if (await catalog.FindAsync(address.OfficeId, reserved.Value, cancellationToken) is { } earlier)
            {
                return new Outcome(earlier, Replayed: true);
            }

            documentId = reserved.Value;
        }

        var document = new CaseDocument(
            documentId, address.OfficeId, address.CaseId, address.ContentId, fileName, upload.Type.ContentType, upload.BytesRead, upload.Sha256, call.Caller.Id, now);
        var audit = auditor.Entries(call, address.OfficeId, address.CaseId, AuditAction.DocumentUploaded, DocumentAudit.Change(documentId));
        if (await catalog.TryAddAsync(document, audit, cancellationToken))
        {
            return new Outcome(document, Replayed: false);
        }

        return await catalog.FindAsync(address.OfficeId, documentId, cancellationToken) is { } winner
            ? new Outcome(winner, Replayed: true)
            : new Failure(FailureKind.Conflict, "Another request with this Idempotency-Key is being processed. Retry it.");
    }

    private Failure Refused(DocumentRefusal refusal) => refusal switch
    {
        DocumentRefusal.Empty => Failure.Invalid("file", "The file is empty."),
        DocumentRefusal.TooLarge => new Failure(FailureKind.TooLarge, $"A document must not exceed {options.MaxBytes} bytes."),
        _ => new Failure(
            FailureKind.UnsupportedContent,
            $"Only these document types are accepted: {DocumentTypes.Names}. The type is read from the content itself, not from the file name or the declared type."),
    };
}
