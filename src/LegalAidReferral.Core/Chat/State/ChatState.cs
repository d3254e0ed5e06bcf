using System.Security.Cryptography;
using System.Text;

namespace LegalAidReferral.Core.Chat.State;

/// <summary>
/// Where one conversation stands: its language, flow, step and answers so far, the case it is bound to,
/// and its flood window. Stored through <see cref="IChatStateStore"/> after every turn, so a restart of
/// the service loses nothing; deleted once <see cref="ExpiresAt"/> passes.
/// </summary>
public sealed class ChatState
{
    /// <summary>The conversation's key (<see cref="KeyOf"/>): a hash, so the store holds no channel identifier.</summary>
    public required string Key { get; init; }

    /// <summary>The stored version this state was read at (0: never stored).</summary>
    public long Version { get; set; }

    public string? Language { get; set; }

    /// <summary>True while the person is choosing a language; the current step is asked again afterwards.</summary>
    public bool ChoosingLanguage { get; set; }

    public string? Flow { get; set; }

    public string? Step { get; set; }

    /// <summary>The answers of the current flow (and their text keys, under <c>name#text</c>).</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How many answers to the current step were not understood.</summary>
    public int Attempts { get; set; }

    /// <summary>The case the conversation is bound to (after an intake, or a reference and its code).</summary>
    public Guid? CaseId { get; set; }

    public string? OfficeId { get; set; }

    /// <summary>While true, staff hold the conversation: the engine passes messages to the case and stays silent.</summary>
    public bool HandOff { get; set; }

    public DateTimeOffset WindowStart { get; set; }

    public int TurnsInWindow { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public static string KeyOf(ChatAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{address.ChannelId}\n{address.ConversationId}")));
    }

    /// <summary>Back to no flow; the language and the bound case stay.</summary>
    public void EndFlow()
    {
        Flow = null;
        Step = null;
        Values.Clear();
        Attempts = 0;
    }
}
