using LegalAidReferral.Core.Chat.Cases;

namespace LegalAidReferral.Functions.Chat;

/// <summary>A case's chat thread as the API shows it to staff: the hand-off, whether a conversation is bound, and a page of messages.</summary>
public sealed record ChatThreadResource(
    Guid CaseId, bool ConversationBound, ChatHandOff? HandOff, IReadOnlyList<ChatMessageResource> Items, string? ContinuationToken)
{
    public static ChatThreadResource Of(StaffChatActions.Thread thread) => new(
        thread.Case.Id,
        thread.Chat.Conversation is not null,
        thread.Chat.HandOff,
        thread.Messages.Items.Select(m => ChatMessageResource.Of(m, null)).ToArray(),
        thread.Messages.ContinuationToken);
}

/// <summary>One message of a case's chat thread; <see cref="Delivered"/> only in the answer to a staff reply.</summary>
public sealed record ChatMessageResource(Guid Id, ChatAuthor From, ChatMessageKind Kind, string By, string Text, DateTimeOffset At, bool? Delivered)
{
    public static ChatMessageResource Of(ChatThreadMessage message, bool? delivered) =>
        new(message.Id, message.From, message.Kind, message.By, message.Text, message.At, delivered);
}

/// <summary>The chat side of a case on the case itself: never the code's hash, never the conversation's identifiers.</summary>
public sealed record CaseChatResource(
    bool ConversationBound,
    string? Language,
    int WrongCodes,
    DateTimeOffset? LockedUntil,
    ChatHandOff? HandOff,
    IReadOnlyList<ErasureRequest> ErasureRequests,
    int Messages)
{
    public static CaseChatResource? Of(CaseChat? chat) => chat is null ? null : new(
        chat.Conversation is not null,
        chat.Language,
        chat.WrongCodes,
        chat.LockedUntil,
        chat.HandOff,
        chat.ErasureRequests,
        chat.Messages.Count);
}
