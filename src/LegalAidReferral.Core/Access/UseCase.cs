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

    // Adherence review.
    GetAdherence,
    ListReviewEvents,
}
