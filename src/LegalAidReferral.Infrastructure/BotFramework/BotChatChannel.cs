using LegalAidReferral.Core.Chat;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>
/// Messages the person did not ask for, sent to the conversation's stored reference (its service URL
/// came with a validated token): each reply a new message, not a reply to an activity. False when no
/// reference is stored, or when the channel did not take every message.
/// </summary>
public sealed class BotChatChannel(IConversationReferenceStore references, IActivitySender sender) : IChatChannel
{
    public async Task<bool> SendAsync(ChatAddress to, IReadOnlyList<ChatReply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(replies);
        if (await references.FindAsync(to.ChannelId, to.ConversationId, cancellationToken) is not { } reference)
        {
            return false;
        }

        var context = new Activity
        {
            ChannelId = to.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = new ConversationAccount { Id = to.ConversationId },
            Locale = reference.Locale,
        };
        var bot = new ChannelAccount { Id = reference.BotId, Name = reference.BotName };
        var user = new ChannelAccount { Id = to.UserId, Role = "user" };
        var delivered = true;
        foreach (var reply in replies)
        {
            delivered &= await sender.SendAsync(reference.ServiceUrl, BotActivities.Message(reply, bot, user, context), cancellationToken);
        }

        return delivered;
    }
}
