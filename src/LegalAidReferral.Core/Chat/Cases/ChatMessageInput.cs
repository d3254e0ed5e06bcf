namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>The body of <c>POST /api/cases/{caseId}/chat/messages</c>: a staff reply to the client.</summary>
public sealed record ChatMessageInput
{
    public string? Text { get; init; }
}
