using System.Collections.Concurrent;
using LegalAidReferral.Core.Chat;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>A stand-in for the conversation engine: records each turn and answers with <see cref="Replies"/>.</summary>
public sealed class ScriptedConversations : IChatConversations
{
    public static readonly IReadOnlyList<ChatReply> LanguageQuestion =
    [
        ChatReply.Say("Hola. Hello."),
        new("¿Qué idioma? Which language?", [new("es", "Español"), new("en", "English")]),
    ];

    public ConcurrentQueue<ChatTurn> Turns { get; } = new();

    public IReadOnlyList<ChatReply> Replies { get; set; } = LanguageQuestion;

    public Task<IReadOnlyList<ChatReply>> HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        return Task.FromResult(Replies);
    }
}
