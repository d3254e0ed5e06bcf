namespace LegalAidReferral.Core.Chat;

/// <summary>
/// The conversation engine as the chat protocol sees it: one turn in, the bot's replies out. An empty
/// list means the bot stays silent (e.g. while staff hold a hand-off).
/// </summary>
public interface IChatConversations
{
    Task<IReadOnlyList<ChatReply>> HandleAsync(ChatTurn turn, CancellationToken cancellationToken);
}
