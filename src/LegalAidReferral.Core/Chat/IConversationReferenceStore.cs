namespace LegalAidReferral.Core.Chat;

/// <summary>The stored reference of each conversation, one per channel and conversation id; the last save wins.</summary>
public interface IConversationReferenceStore
{
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The reference of the conversation <paramref name="channelId"/>/<paramref name="conversationId"/>, or null when none was stored.</summary>
    Task<ConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
