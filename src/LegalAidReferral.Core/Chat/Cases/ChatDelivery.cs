using LegalAidReferral.Core.Chat.Flows;
using LegalAidReferral.Core.Chat.Languages;

namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// Sends a text of the chat's language files, in the conversation's language, to the conversation bound
/// to a case, through the protocol's <see cref="IChatChannel"/> (both hosts register the Bot Framework
/// one). A conversation the channel holds no reference for is not delivered: the message stays on the
/// case and the caller is told so.
/// </summary>
public sealed class ChatDelivery(IChatChannel channel, ChatCatalog catalog)
{
    public async Task<bool> SendAsync(CaseChat chat, string textKey, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        if (chat.Conversation is null)
        {
            return false;
        }

        var language = catalog.Languages[chat.Language is { } code && catalog.Languages.ContainsKey(code) ? code : ChatLanguage.Supported[0]];
        return await channel.SendAsync(chat.Conversation, [ChatReply.Say(language.Say(textKey, values))], cancellationToken);
    }
}
