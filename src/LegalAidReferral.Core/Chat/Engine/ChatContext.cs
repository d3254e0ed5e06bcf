using LegalAidReferral.Core.Chat.Flows;
using LegalAidReferral.Core.Chat.Languages;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Chat.Engine;

/// <summary>One turn as the engine and its actions see it: the conversation's state, its language, and the replies so far.</summary>
public sealed class ChatContext(ChatCatalog catalog, ChatState state, ChatTurn turn, string correlationId)
{
    public ChatState State { get; } = state;

    public ChatTurn Turn { get; } = turn;

    public string CorrelationId { get; } = correlationId;

    public List<ChatReply> Replies { get; } = [];

    /// <summary>True once the conversation is to be forgotten (its state deleted, not saved).</summary>
    public bool Forget { get; set; }

    public ChatLanguage Language => catalog.Languages[State.Language ?? ChatLanguage.Supported[0]];

    /// <summary>The client the conversation is bound to; null before an intake or a right code.</summary>
    public CallContext? Client =>
        State is { CaseId: { } caseId, OfficeId: { } officeId } ? new CallContext(new ClientCaller(caseId, officeId), CorrelationId) : null;

    public void Say(string key, IReadOnlyDictionary<string, string>? values = null) => Replies.Add(ChatReply.Say(Language.Say(key, values)));

    public string Value(string name) => State.Values.TryGetValue(name, out var value) ? value : string.Empty;
}
