using LegalAidReferral.Infrastructure.BotFramework;

namespace LegalAidReferral.Standalone.DirectLine;

/// <summary>
/// The bot's messages to a conversation of the local Direct Line go straight into it (the clients
/// poll them from there), or nowhere once it is no longer in memory (a restart, or evicted): they never leave the
/// process. Any other conversation's go to its channel through <paramref name="inner"/>.
/// </summary>
public sealed class DirectLineActivitySender(IActivitySender inner, DirectLineConversations conversations) : IActivitySender
{
    public Task<bool> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelId == DirectLineEndpoints.ChannelId && conversations.Find(activity.Conversation?.Id ?? "") is { } conversation)
        {
            conversation.Append(null, [activity]);
            return Task.FromResult(true);
        }

        if (serviceUrl == DirectLineEndpoints.ServiceUrl)
        {
            return Task.FromResult(false);
        }

        return inner.SendAsync(serviceUrl, activity, cancellationToken);
    }
}
