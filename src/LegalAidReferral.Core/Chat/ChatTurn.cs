namespace LegalAidReferral.Core.Chat;

/// <summary>
/// What the person sent in one turn: typed text, the value of a suggested action they tapped, and any
/// attachments (photos). <paramref name="Locale"/> is the channel's locale hint (e.g. "es-GT"), if any.
/// </summary>
public sealed record ChatTurn(
    ChatAddress Conversation,
    string? Text,
    string? Value,
    IReadOnlyList<ChatAttachment> Attachments,
    string? Locale);

/// <summary>An attachment of a turn; the protocol layer knows how to fetch its bytes.</summary>
public sealed record ChatAttachment(string? Name, string ContentType, Func<CancellationToken, Task<Stream>> OpenAsync);
