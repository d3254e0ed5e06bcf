using LegalAidReferral.Infrastructure.BotFramework;
using LegalAidReferral.Standalone.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.DirectLine;

/// <summary>The bot's unasked messages to conversations of the local Direct Line stay in the process.</summary>
public sealed class DirectLineActivitySenderTests
{
    private readonly RecordingSender network = new();
    private readonly DirectLineConversations conversations = new(new FakeTimeProvider());

    [Fact]
    public async Task A_message_to_a_conversation_in_memory_is_appended_to_it_and_sent_nowhere()
    {
        var (conversation, _) = conversations.Open(DirectLineTokens.NewGrant());

        var delivered = await Sender().SendAsync(DirectLineEndpoints.ServiceUrl, Message(conversation.Id), default);

        Assert.True(delivered);
        Assert.Single(conversation.After(0).Activities);
        Assert.Empty(network.Sent);
    }

    [Fact]
    public async Task A_message_to_a_conversation_no_longer_in_memory_is_not_delivered_and_never_reaches_the_network()
    {
        var delivered = await Sender().SendAsync(DirectLineEndpoints.ServiceUrl, Message("gone-after-a-restart"), default);

        Assert.False(delivered);
        Assert.Empty(network.Sent);
    }

    [Fact]
    public async Task The_service_url_of_the_local_Direct_Line_never_resolves()
    {
        var url = new Uri(DirectLineEndpoints.ServiceUrl);

        Assert.EndsWith(".invalid", url.Host, StringComparison.Ordinal);
        Assert.Equal(DirectLineEndpoints.Prefix + "/", url.AbsolutePath);
        Assert.True(await Sender().SendAsync("https://smba.trafficmanager.net/teams/", Message("another-channel") with { ChannelId = "msteams" }, default));
        Assert.Equal(["https://smba.trafficmanager.net/teams/"], network.Sent);
    }

    private DirectLineActivitySender Sender() => new(network, conversations);

    private static Activity Message(string conversationId) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = DirectLineEndpoints.ChannelId,
        Conversation = new ConversationAccount { Id = conversationId },
        Text = "Message from the office",
    };

    private sealed class RecordingSender : IActivitySender
    {
        public List<string> Sent { get; } = [];

        public Task<bool> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
        {
            Sent.Add(serviceUrl);
            return Task.FromResult(true);
        }
    }
}
