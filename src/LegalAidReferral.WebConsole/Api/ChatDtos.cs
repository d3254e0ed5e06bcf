namespace LegalAidReferral.WebConsole.Api;

public sealed record CaseChat(
    bool ConversationBound, string? Language, int WrongCodes, DateTimeOffset? LockedUntil, ChatHandOff? HandOff, IReadOnlyList<ErasureRequest> ErasureRequests, int Messages);

/// <summary>Open while <see cref="ClosedAt"/> is null.</summary>
public sealed record ChatHandOff(DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string? ClosedBy);

public sealed record ErasureRequest(string Id, DateTimeOffset RequestedAt, DateTimeOffset DueAt);

public sealed record ChatMessage(string Id, string From, string Kind, string By, string Text, DateTimeOffset At, bool? Delivered);

public sealed record ChatThread(string CaseId, bool ConversationBound, ChatHandOff? HandOff, IReadOnlyList<ChatMessage> Items, string? ContinuationToken);

public sealed record ChatMessageRequest(string Text);
