using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// What a client does to their own case through the chat: bind the conversation and issue the code
/// (after intake), open a hand-off, ask for erasure, and add a message or information to the thread.
/// Each is a use case of its own in the access table, run as the <see cref="ClientCaller"/>.
/// </summary>
public sealed class ClientChatActions(ChatCaseWrite write, IChatCodeHasher hasher)
{
    /// <summary>Binds <paramref name="conversation"/> to the case and stores the hash of a new code; returns the code, shown once.</summary>
    public async Task<Result<string>> BindWithNewCodeAsync(
        CallContext call, Guid caseId, ChatAddress conversation, string language, CancellationToken cancellationToken)
    {
        var code = ClientSecrets.NewCode();
        var secret = await hasher.HashAsync(code, cancellationToken);
        var result = await write.ApplyAsync(
            UseCase.BindChatConversation, call, caseId, AuditAction.ChatConversationBound,
            (_, chat) => chat with { Conversation = conversation, Language = language, Secret = secret, WrongCodes = 0, LockedUntil = null }, cancellationToken);
        return result.IsSuccess ? code : result.Failure;
    }

    /// <summary>Opens a hand-off (an open one stays as it is).</summary>
    public Task<Result<Case>> OpenHandOffAsync(CallContext call, Guid caseId, ChatAddress conversation, CancellationToken cancellationToken) =>
        write.ApplyRaisingAlertsAsync(
            UseCase.OpenChatHandOff, call, caseId, AuditAction.ChatHandOffOpened,
            (_, chat) => chat.HandOffOpen ? chat : chat with { Conversation = conversation, HandOff = new ChatHandOff(write.Now, null, null) },
            cancellationToken);

    public Task<Result<Case>> RequestErasureAsync(CallContext call, Guid caseId, CancellationToken cancellationToken) =>
        write.ApplyRaisingAlertsAsync(
            UseCase.RequestErasure, call, caseId, AuditAction.ErasureRequested,
            (_, chat) => chat with { ErasureRequests = [.. chat.ErasureRequests, new ErasureRequest(Guid.NewGuid(), write.Now, write.Now + ChatOptions.ErasureDue)] },
            cancellationToken);

    /// <summary>Adds the client's information, or a message while a hand-off is open (else an invalid transition), to the thread.</summary>
    public Task<Result<Case>> PostAsync(CallContext call, Guid caseId, ChatMessageKind kind, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return write.ApplyAsync(
            UseCase.PostClientChatMessage, call, caseId, AuditAction.ChatMessagePosted,
            (_, chat) => kind == ChatMessageKind.Message && !chat.HandOffOpen
                ? Failure.InvalidTransition("This case has no open chat hand-off.")
                : ChatThread.Append(chat, new ChatThreadMessage(Guid.NewGuid(), ChatAuthor.Client, kind, call.Caller.Id, text, write.Now)),
            cancellationToken);
    }
}
