using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.Engine;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// The staff side of a chat hand-off: read the case's chat thread, reply to the client (stored on the case,
/// then sent to the bound conversation), and close the hand-off so the bot takes the conversation back.
/// </summary>
public sealed class StaffChatActions(
    AccessPolicy access, CaseReader reader, ChatCaseWrite write, IdempotencyGuard idempotency, ChatDelivery delivery, CaseAuditor auditor)
{
    public sealed record Thread(Case Case, CaseChat Chat, Page<ChatThreadMessage> Messages);

    public sealed record Posted(Case Case, ChatThreadMessage Message, bool Delivered, bool Replayed);

    /// <summary>The case's chat thread, oldest first, paged; the token names the last message given.</summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not issued for this thread.</exception>
    public async Task<Result<Thread>> ListAsync(Guid caseId, PageRequest page, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.ListChatMessages, call.Caller) is { } denied)
        {
            return denied;
        }

        var found = await reader.FindAsync(UseCase.ListChatMessages, call.Caller, caseId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        var chat = found.Value.Chat ?? new CaseChat();
        var messages = Read(chat.Messages, page);
        await auditor.RecordAsync(call, found.Value.OfficeId, caseId, AuditAction.ChatMessagesRead, cancellationToken);
        return new Thread(found.Value, chat, messages);
    }

    private static Page<ChatThreadMessage> Read(IReadOnlyList<ChatThreadMessage> messages, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var start = 0;
        if (page.ContinuationToken is { } token)
        {
            var last = Guid.TryParseExact(ContinuationTokens.Decode(token), "D", out var id) ? messages.Select(m => m.Id).ToList().IndexOf(id) : -1;
            start = last >= 0 ? last + 1 : throw new InvalidContinuationTokenException();
        }

        var items = messages.Skip(start).Take(page.Limit).ToArray();
        var more = start + items.Length < messages.Count;
        return new Page<ChatThreadMessage>(items, more ? ContinuationTokens.Encode(items[^1].Id.ToString("D")) : null);
    }

    public async Task<Result<Posted>> PostAsync(
        Guid caseId, string? text, string? idempotencyKey, string requestHash, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.PostChatMessage, call.Caller) is { } denied)
        {
            return denied;
        }

        var (clean, problem) = text is null ? (null, "The text is required.") : TextRule.Apply(text, ChatOptions.MaxThreadMessageLength, multiline: true);
        if (clean is null || clean.Length == 0)
        {
            return Failure.Invalid("text", problem ?? "The text is required.");
        }

        var id = await idempotency.ResourceIdAsync($"{call.Caller.OfficeId}/chat/{caseId:D}", idempotencyKey, requestHash, cancellationToken);
        if (!id.IsSuccess)
        {
            return id.Failure;
        }

        var replayed = false;
        var result = await write.ApplyAsync(
            UseCase.PostChatMessage, call, caseId, AuditAction.ChatMessagePosted,
            (_, chat) =>
            {
                replayed = chat.Messages.Any(m => m.Id == id.Value);
                return replayed ? chat
                    : chat.Conversation is null ? Failure.InvalidTransition("This case has no chat conversation to reply to.")
                    : ChatThread.Append(chat, new ChatThreadMessage(id.Value, ChatAuthor.Staff, ChatMessageKind.Message, call.Caller.Id, clean, write.Now));
            },
            cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Failure;
        }

        var chat = result.Value.Chat!;
        var message = chat.Messages.Single(m => m.Id == id.Value);
        var delivered = !replayed && await delivery.SendAsync(chat, EngineTexts.StaffReply, new Dictionary<string, string> { ["text"] = clean }, cancellationToken);
        return new Posted(result.Value, message, delivered, replayed);
    }

    public async Task<Result<Case>> CloseHandOffAsync(Guid caseId, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var result = await write.ApplyRaisingAlertsAsync(
            UseCase.CloseChatHandOff, call, caseId, AuditAction.ChatHandOffClosed,
            (_, chat) => chat.HandOffOpen
                ? chat with { HandOff = chat.HandOff! with { ClosedAt = write.Now, ClosedBy = call.Caller.Id } }
                : Failure.InvalidTransition("This case has no open chat hand-off."),
            cancellationToken);
        if (result.IsSuccess)
        {
            await delivery.SendAsync(result.Value.Chat!, EngineTexts.HandOffClosed, new Dictionary<string, string>(), cancellationToken);
        }

        return result;
    }
}
