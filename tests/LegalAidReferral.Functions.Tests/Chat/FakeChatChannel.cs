using System.Collections.Concurrent;
using LegalAidReferral.Core.Chat;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>The protocol's channel, as a test double: it keeps what was sent, to which conversation.</summary>
public sealed class FakeChatChannel : IChatChannel
{
    public ConcurrentQueue<(ChatAddress To, ChatReply Reply)> Sent { get; } = new();

    public Task<bool> SendAsync(ChatAddress to, IReadOnlyList<ChatReply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            Sent.Enqueue((to, reply));
        }

        return Task.FromResult(true);
    }
}
