using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Access;

/// <summary>The access table: one rule per use case (docs/access.md shows it).</summary>
public static class AccessRules
{
    private const string CaseWork = "Only defenders and supervisors of an office work on its cases.";
    private const string ReferralWork = "Only defenders and supervisors of an office work on its referrals.";
    private const string ReviewWork = "Only regional reviewers read the protocol adherence review.";

    private const string ClientWork = "Only the client of a case does this, through the chat.";

    private static readonly Role[] CaseRoles = [Role.Defender, Role.Supervisor];

    public static IReadOnlyDictionary<UseCase, AccessRule> Default { get; } = new Dictionary<UseCase, AccessRule>
    {
        [UseCase.IntakeCase] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles).And(CallerKind.Client),
        [UseCase.ListCases] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.SearchCases] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.GetCase] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles).And(CallerKind.Client),
        [UseCase.UpdateCase] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.ChangeCaseStatus] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.RecordConsent] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles).And(CallerKind.Client),
        [UseCase.WithdrawConsent] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles).And(CallerKind.Client),
        [UseCase.GetCaseHistory] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.RunConflictCheck] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles).And(CallerKind.System),
        [UseCase.RecordConflictOutcome] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.RunTriage] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles).And(CallerKind.System),
        [UseCase.OverrideTriage] = AccessRule.Staff(Reach.OwnOffice, "Only a supervisor can override a triage result.", Role.Supervisor),
        [UseCase.ListOffices] = AccessRule.Staff(Reach.AnyOffice, "Only staff of the network read its directory.", Enum.GetValues<Role>()),
        [UseCase.GetOffice] = AccessRule.Staff(Reach.AnyOffice, "Only staff of the network read its directory.", Enum.GetValues<Role>()),
        [UseCase.UpdateTriagePolicy] = AccessRule.Staff(
            Reach.OwnOffice, "Only an office admin of this office can change its triage policy.", Role.OfficeAdmin),

        // Each office works on its own copy of a referral (in its own partition): the receiving office's
        // copy is its own data. Which side and role may take each action is the referral's action table.
        [UseCase.SendReferral] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.ListReferrals] = AccessRule.Staff(Reach.OwnOffice, ReferralWork, CaseRoles),
        [UseCase.GetReferral] = AccessRule.Staff(Reach.OwnOffice, ReferralWork, CaseRoles),
        [UseCase.ActOnReferral] = AccessRule.Staff(Reach.OwnOffice, ReferralWork, CaseRoles),
        [UseCase.PostReferralMessage] = AccessRule.Staff(Reach.OwnOffice, ReferralWork, CaseRoles),
        [UseCase.ListReferralMessages] = AccessRule.Staff(Reach.OwnOffice, ReferralWork, CaseRoles),
        [UseCase.ListAlerts] = AccessRule.Staff(Reach.OwnOffice, ReferralWork, CaseRoles),
        [UseCase.AcknowledgeAlert] = AccessRule.Staff(Reach.OwnOffice, ReferralWork, CaseRoles),

        // Protocol settings (deadlines as data): the receiving office's deadlines concern the sender too, so all staff read any office's.
        [UseCase.GetProtocolSettings] = AccessRule.Staff(Reach.AnyOffice, "Only staff of the network read protocol settings.", Enum.GetValues<Role>()),
        [UseCase.UpdateProtocolSettings] = AccessRule.Staff(
            Reach.OwnOffice, "Only an office admin of this office can change its protocol settings.", Role.OfficeAdmin),

        // Case documents: a referral's receiving office reads only the documents the referral names, through its own copy.
        [UseCase.UploadDocument] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles).And(CallerKind.Client),
        [UseCase.ListDocuments] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.GetDocument] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.GetReferralDocument] = AccessRule.Staff(Reach.OwnOffice, ReferralWork, CaseRoles),

        // The chat (docs/chat.md): a client acts on their own case through the engine (intake, consents, status, photos
        // above); the conflict check and triage of a chat intake run as the system; staff hold the hand-off.
        [UseCase.BindChatConversation] = AccessRule.Client(ClientWork),
        [UseCase.OpenChatHandOff] = AccessRule.Client(ClientWork),
        [UseCase.RequestErasure] = AccessRule.Client(ClientWork),
        [UseCase.PostClientChatMessage] = AccessRule.Client(ClientWork),
        [UseCase.ListChatMessages] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.PostChatMessage] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        [UseCase.CloseChatHandOff] = AccessRule.Staff(Reach.OwnOffice, CaseWork, CaseRoles),
        // Adherence review: pseudonymous events and indicators of every office, for regional reviewers only.
        [UseCase.GetAdherence] = AccessRule.Staff(Reach.AnyOffice, ReviewWork, Role.RegionalReviewer),
        [UseCase.ListReviewEvents] = AccessRule.Staff(Reach.AnyOffice, ReviewWork, Role.RegionalReviewer),
    };
}
