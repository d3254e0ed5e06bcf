namespace LegalAidReferral.Core.Chat;

/// <summary>
/// One message the bot sends: plain text in the conversation's language and, for a question with
/// choices, the choices (sent as suggested actions).
/// </summary>
public sealed record ChatReply(string Text, IReadOnlyList<ChatChoice> Choices)
{
    public static ChatReply Say(string text) => new(text, []);
}

/// <summary>A choice offered as a suggested action: the value the engine gets back and the title shown.</summary>
public sealed record ChatChoice(string Value, string Title);
