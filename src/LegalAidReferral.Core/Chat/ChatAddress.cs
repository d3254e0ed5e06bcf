namespace LegalAidReferral.Core.Chat;

/// <summary>
/// One conversation on one channel, as the Bot Framework protocol names it (channel id, conversation id,
/// the user's channel account id). Opaque identifiers of the channel: never a name or a phone number
/// the engine reads.
/// </summary>
public sealed record ChatAddress(string ChannelId, string ConversationId, string UserId);
