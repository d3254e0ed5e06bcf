namespace LegalAidReferral.Core.Access;

/// <summary>Every use case, as <see cref="AccessRules"/> names them.</summary>
public enum UseCase
{
    IntakeCase,
    ListCases,
    SearchCases,
    GetCase,
    UpdateCase,
    ChangeCaseStatus,
    RecordConsent,
    WithdrawConsent,
    GetCaseHistory,
    RunConflictCheck,
    RecordConflictOutcome,
    RunTriage,
    OverrideTriage,
    ListOffices,
    GetOffice,
    UpdateTriagePolicy,
    SendReferral,
    ListReferrals,
    GetReferral,
    ActOnReferral,
    PostReferralMessage,
    ListReferralMessages,
    ListAlerts,
    AcknowledgeAlert,

    // Protocol settings (deadlines as data).
    GetProtocolSettings,
    UpdateProtocolSettings,

    // Case documents.
    UploadDocument,
    ListDocuments,
    GetDocument,
    GetReferralDocument,

    // The chat: the client's side (through the engine) and the staff side of a hand-off.
    BindChatConversation,
    OpenChatHandOff,
    RequestErasure,
    PostClientChatMessage,
    ListChatMessages,
    PostChatMessage,
    CloseChatHandOff,
    // Adherence review.
    GetAdherence,
    ListReviewEvents,
}
