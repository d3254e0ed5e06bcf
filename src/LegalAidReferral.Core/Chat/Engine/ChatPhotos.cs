using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Chat.Engine;

/// <summary>
/// Photos sent in the chat become documents of the bound case, through the documents port as the client,
/// only once the case holds a store-and-process consent in force. Before that they are dropped unread.
/// </summary>
public sealed class ChatPhotos(UploadDocument upload, GetCase getCase)
{
    public async Task<bool> SaveAsync(ChatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Client is not { Caller: ClientCaller client } call
            || await getCase.HandleAsync(client.CaseId, call, cancellationToken) is not { IsSuccess: true } found
            || !found.Value.Consents.Any(c => c.Purpose == ConsentPurpose.StoreAndProcess && c.IsInForce))
        {
            return false;
        }

        foreach (var attachment in context.Turn.Attachments)
        {
            var uploaded = await upload.HandleAsync(new UploadDocument.Command(client.CaseId, new AttachmentSource(attachment), null), call, cancellationToken);
            if (!uploaded.IsSuccess)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class AttachmentSource(ChatAttachment attachment) : IDocumentSource
    {
        public async Task<Result<IncomingDocument>> OpenAsync(CancellationToken cancellationToken) =>
            new IncomingDocument(attachment.Name ?? "photo", await attachment.OpenAsync(cancellationToken));
    }
}
