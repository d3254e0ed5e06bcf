namespace LegalAidReferral.Core.Chat;

/// <summary>
/// Sends messages the person did not ask for (proactive notices, staff replies in a hand-off) to a
/// conversation the protocol layer has a stored reference for. Returns false when no reference is
/// stored for the address (the conversation never reached this deployment, or it expired).
/// </summary>
public interface IChatChannel
{
    Task<bool> SendAsync(ChatAddress to, IReadOnlyList<ChatReply> replies, CancellationToken cancellationToken);
}
