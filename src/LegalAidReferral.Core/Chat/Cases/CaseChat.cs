namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// The chat side of a case: the conversation bound to it (where notices and staff replies go), the hash
/// of the client's secret code and its lock, the hand-off to staff, the thread of messages with staff,
/// the erasure requests, and the notices already sent (so each is sent once).
/// </summary>
public sealed record CaseChat
{
    public ChatAddress? Conversation { get; init; }

    /// <summary>The language of the bound conversation (a code of <c>ChatLanguage.Supported</c>).</summary>
    public string? Language { get; init; }

    /// <summary>The client's code as <see cref="ClientSecrets"/> stores it: salted hash only.</summary>
    public string? Secret { get; init; }

    /// <summary>Wrong codes since the last right one or the last lock.</summary>
    public int WrongCodes { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public ChatHandOff? HandOff { get; init; }

    public IReadOnlyList<ChatThreadMessage> Messages { get; init; } = [];

    public IReadOnlyList<ErasureRequest> ErasureRequests { get; init; } = [];

    public IReadOnlyList<string> NoticesSent { get; init; } = [];

    public bool HandOffOpen => HandOff is { ClosedAt: null };

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>A hand-off to staff: open from <see cref="OpenedAt"/> until staff close it.</summary>
public sealed record ChatHandOff(DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string? ClosedBy);

/// <summary>One message of a case's chat thread: from the client (a message, or information they added) or from staff.</summary>
public sealed record ChatThreadMessage(Guid Id, ChatAuthor From, ChatMessageKind Kind, string By, string Text, DateTimeOffset At);

public enum ChatAuthor
{
    Client,
    Staff,
}

public enum ChatMessageKind
{
    /// <summary>A message of the conversation with staff.</summary>
    Message,

    /// <summary>Information the client added to the case.</summary>
    Information,
}

/// <summary>The client asked for their data to be erased; the office acts on it by <see cref="DueAt"/>.</summary>
public sealed record ErasureRequest(Guid Id, DateTimeOffset RequestedAt, DateTimeOffset DueAt);
