namespace LegalAidReferral.Core.Chat;

/// <summary>
/// What the protocol layer keeps of a conversation so it can write to it later without being asked:
/// the address, the channel's service URL the conversation came from (trusted only because it came
/// with a validated token), the bot's account on that channel and the last locale hint.
/// </summary>
public sealed record ConversationReference(ChatAddress Address, string ServiceUrl, string BotId, string? BotName, string? Locale, DateTimeOffset UpdatedAt);
