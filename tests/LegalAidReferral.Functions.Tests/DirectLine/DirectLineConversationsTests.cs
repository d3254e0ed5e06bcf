using System.Text.Json;
using LegalAidReferral.Infrastructure.BotFramework;
using LegalAidReferral.Standalone.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.DirectLine;

/// <summary>What the local Direct Line keeps in memory, however many tokens and activities clients send.</summary>
public sealed class DirectLineConversationsTests
{
    private readonly DirectLineConversations conversations = new(new FakeTimeProvider());

    [Fact]
    public void A_conversation_keeps_its_last_activities_within_its_byte_budget_and_always_the_last_one()
    {
        var (conversation, _) = conversations.Open(DirectLineTokens.NewGrant());

        for (var i = 0; i < 40; i++)
        {
            conversation.Append(Message(new string('x', 16 * 1024)), []);
        }

        var kept = conversation.After(0).Activities;
        Assert.InRange(kept.Sum(a => JsonSerializer.SerializeToUtf8Bytes(a, ActivityJson.Options).Length), 1, DirectLineConversations.MaxBytesPerConversation);
        Assert.Equal($"{conversation.Id}|0000040", kept[^1].Id);
        Assert.True(kept.Count < 40);

        conversation.Append(Message(new string('y', DirectLineConversations.MaxBytesPerConversation)), []);
        Assert.Equal($"{conversation.Id}|0000041", Assert.Single(conversation.After(0).Activities).Id);
    }

    [Fact]
    public void Beyond_the_most_conversations_the_one_started_first_goes()
    {
        var first = conversations.Open(DirectLineTokens.NewGrant()).Conversation;
        var second = conversations.Open(DirectLineTokens.NewGrant()).Conversation;
        for (var i = 0; i < DirectLineConversations.MaxConversations - 1; i++)
        {
            conversations.Open(DirectLineTokens.NewGrant());
        }

        Assert.Null(conversations.Find(first.Id));
        Assert.Same(second, conversations.Find(second.Id));
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
