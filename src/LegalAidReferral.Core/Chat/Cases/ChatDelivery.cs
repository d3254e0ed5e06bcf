using LegalAidReferral.Core.Chat.Flows;
using LegalAidReferral.Core.Chat.Languages;

namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// Sends a text of the chat's language files, in the conversation's language, to the conversation bound
/// to a case, through the protocol's <see cref="IChatChannel"/> (the last one registered, as dependency
/// injection resolves a single service). A host without a channel delivers nothing: the message stays
/// on the case and the caller is told it was not delivered.
/// </summary>
public sealed class ChatDelivery(IEnumerable<IChatChannel> channels, ChatCatalog catalog)
{
    private readonly IChatChannel? channel = channels.LastOrDefault();

    /// <summary>Whether this host has a channel to send through.</summary>
    public bool Available => channel is not null;

    public async Task<bool> SendAsync(CaseChat chat, string textKey, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        if (channel is null || chat.Conversation is null)
        {
            return false;
        }

        var language = catalog.Languages[chat.Language is { } code && catalog.Languages.ContainsKey(code) ? code : ChatLanguage.Supported[0]];
        return await channel.SendAsync(chat.Conversation, [ChatReply.Say(language.Say(textKey, values))], cancellationToken);
    }
}
