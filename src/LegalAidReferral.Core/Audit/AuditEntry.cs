namespace LegalAidReferral.Core.Audit;

public enum AuditAction
{
    CaseCreated,
    CaseRead,
    CaseListed,
    CaseUpdated,
    CaseStatusChanged,
    ConsentRecorded,
    ConsentWithdrawn,
    HistoryRead,
    ConflictChecked,
    ConflictCandidateShown,
    ConflictOutcomeRecorded,
    CaseTriaged,
    TriageOverridden,
    ReferralSent,
    ReferralRead,
    ReferralsListed,
    ReferralMessagePosted,
    ReferralMessagesRead,
    ReferralStepTaken,
    ReferralReceived,
    DocumentUploaded,
    DocumentsListed,
    DocumentDownloaded,
    ReferralDocumentDownloaded,

    // The chat (docs/chat.md).
    ChatConversationBound,
    ChatCodeVerified,
    ChatCodeRefused,
    ChatMessagePosted,
    ChatMessagesRead,
    ChatHandOffOpened,
    ChatHandOffClosed,
    ChatNoticeSent,
    ErasureRequested,
    ErasureRequestAcknowledged,
}

/// <summary>
/// One access to a case. <see cref="Changes"/> names the fields or statuses involved, never their
/// values, so the audit trail holds no personal data of its own.
/// </summary>
public sealed record AuditEntry(
    Guid Id,
    string OfficeId,
    Guid CaseId,
    AuditAction Action,
    string UserId,
    string ActorOfficeId,
    DateTimeOffset At,
    string CorrelationId,
    IReadOnlyList<string> Changes);
