namespace LegalAidReferral.WebConsole.Api;

/// <summary>The values of the API's enums that the console offers in its forms (a test compares them with openapi.json).</summary>
public static class ApiValues
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Enums = new Dictionary<string, IReadOnlyList<string>>
    {
        ["CaseStatus"] = ["intake", "triaged", "open", "not-eligible", "referred-out", "closed"],
        ["Priority"] = ["critical", "high", "normal", "low"],
        ["IntakeChannel"] = ["staff", "chat", "partner"],
        ["Vulnerability"] = ["unaccompanied-minor", "child", "pregnant", "disability", "chronic-illness", "elderly", "gbv-survivor", "trafficking-victim", "lgbtiq", "indigenous", "detained"],
        ["LegalIssueType"] = ["asylum", "detention", "deportation", "regularization", "labour", "family-reunification", "criminal-defense", "child-protection", "documentation", "trafficking", "other"],
        ["IdentityDocumentType"] = ["passport", "national-id", "birth-certificate", "residence-permit", "refugee-id", "travel-document", "other"],
        ["GenderCategory"] = ["female", "male", "other", "not-stated"],
        ["ReviewGroup"] = ["unaccompanied-minor", "detained", "trafficking-victim", "pregnant"],
        ["ConsentPurpose"] = ["store-and-process", "share-with-office", "contact-by-chat"],
        ["ConsentChannel"] = ["in-person", "phone", "video-call", "chat", "written-form", "partner"],
        ["ConflictOutcome"] = ["none", "potential", "confirmed"],
        ["TriageDecision"] = ["eligible", "not-eligible", "refer", "needs-information"],
        ["ReferralKind"] = ["representation", "documents", "social-report", "power-of-attorney", "case-law", "applicable-law", "other"],
        ["ReferralStatus"] = ["sent", "acknowledged", "accepted", "declined", "assigned", "in-progress", "completed", "closed", "revoked"],
        ["ReferralAction"] = ["send", "acknowledge", "accept", "decline", "assign", "first-contact", "outcome", "revoke", "close"],
        ["DeadlineKind"] = ["acknowledge", "decide", "first-contact", "outcome-report"],
        ["DeclineReason"] = ["no-capacity", "outside-mandate", "conflict-of-interest", "client-unreachable", "other"],
        ["PartyRole"] = ["client", "adverse-party"],
        ["TriageCriterionKind"] = ["jurisdiction", "mandate", "means-test", "conflict-of-interest"],
        ["AuditAction"] = ["case-created", "case-read", "case-listed", "case-updated", "case-status-changed", "consent-recorded", "consent-withdrawn", "history-read", "conflict-checked", "conflict-candidate-shown", "conflict-outcome-recorded", "case-triaged", "triage-overridden", "referral-sent", "referral-read", "referrals-listed", "referral-message-posted", "referral-messages-read", "referral-step-taken", "referral-received", "document-uploaded", "documents-listed", "document-downloaded", "referral-document-downloaded",
            "chat-conversation-bound", "chat-code-verified", "chat-code-refused", "chat-message-posted", "chat-messages-read", "chat-hand-off-opened", "chat-hand-off-closed",
            "chat-notice-sent", "erasure-requested", "erasure-request-acknowledged"],
        ["ReferralMessageDelivery"] = ["pending", "delivered", "received"],
        ["DayOfWeek"] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        ["SharedField"] = ["adverseParties", "client.aliases", "client.birthDate", "client.contact.chat", "client.contact.phone", "client.currentLocation", "client.fullName", "client.gender", "client.identityDocuments", "client.languages", "client.nationalities", "household", "keyDates.deadlines", "keyDates.detentionDate", "keyDates.hearingDate", "legalIssues", "vulnerabilities", "vulnerabilityNotes"],
    };

    /// <summary>The codes of a conflict candidate's match reasons (documented in the MatchReason schema, not an enum).</summary>
    public static readonly IReadOnlyList<string> MatchReasons = ["name-exact", "name-phonetic", "name-typo", "alias", "document-number", "birth-date-match", "birth-date-mismatch"];

    public static IReadOnlyList<string> Of(string enumName) => Enums[enumName];
}
