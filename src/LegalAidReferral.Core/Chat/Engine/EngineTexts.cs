using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Chat.Engine;

/// <summary>The keys of the texts the engine itself says (the flows name theirs); every language must have them all.</summary>
public static class EngineTexts
{
    public const string LanguagePrompt = "language.prompt";
    public const string LanguageName = "language.name";
    public const string InvalidChoice = "answer.invalid-choice";
    public const string InvalidText = "answer.invalid-text";
    public const string InvalidNumber = "answer.invalid-number";
    public const string InvalidDate = "answer.invalid-date";
    public const string DateInFuture = "answer.date-in-future";
    public const string DatePassed = "answer.date-passed";
    public const string InvalidPhone = "answer.invalid-phone";
    public const string InvalidReference = "answer.invalid-reference";
    public const string InvalidCode = "answer.invalid-code";
    public const string TooLong = "answer.too-long";
    public const string TooManyTries = "answer.too-many-tries";
    public const string Cancelled = "command.cancelled";
    public const string SlowDown = "flood.slow-down";
    public const string Yes = "word.yes";
    public const string No = "word.no";
    public const string StaffReply = "staff.reply";
    public const string HandOffClosed = "handoff.closed";
    public const string PhotoSaved = "photo.saved";
    public const string PhotoNotSaved = "photo.not-saved";
    public const string StatusCase = "status.case";
    public const string StatusHandOff = "status.hand-off";
    public const string StatusErasure = "status.erasure";
    public const string NoticeAccepted = "notice.referral-accepted";
    public const string NoticeFirstContactDue = "notice.first-contact-due";

    public static string CaseStatus(CaseStatus status) => $"case-status.{Kebab<CaseStatus>.Name(status)}";

    public static string ReferralStep(ReferralStatus status) => $"referral-step.{Kebab<ReferralStatus>.Name(status)}";

    public static string Issue(LegalIssueType type) => $"issue.{Kebab<LegalIssueType>.Name(type)}";

    public static IReadOnlyList<string> All { get; } =
    [
        LanguagePrompt, LanguageName, InvalidChoice, InvalidText, InvalidNumber, InvalidDate, DateInFuture, DatePassed, InvalidPhone,
        InvalidReference, InvalidCode, TooLong, TooManyTries, Cancelled, SlowDown, Yes, No, StaffReply, HandOffClosed, PhotoSaved,
        PhotoNotSaved, StatusCase, StatusHandOff, StatusErasure, NoticeAccepted, NoticeFirstContactDue,
        .. Enum.GetValues<CaseStatus>().Select(CaseStatus),
        .. Enum.GetValues<ReferralStatus>().Select(ReferralStep),
        .. Enum.GetValues<LegalIssueType>().Select(Issue),
    ];
}

/// <summary>The command words every language lists: said alone, they act at any step.</summary>
public static class ChatCommands
{
    public const string Restart = "restart";
    public const string Cancel = "cancel";
    public const string Language = "language";
    public const string Status = "status";
    public const string Person = "person";
    public const string Yes = "yes";
    public const string No = "no";

    public static IReadOnlyList<string> All { get; } = [Restart, Cancel, Language, Status, Person, Yes, No];
}

/// <summary>The conditions a check step may branch on.</summary>
public static class ChatChecks
{
    /// <summary>The conversation is bound to a case (after an intake, or a reference and its code).</summary>
    public const string Bound = "bound";

    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal) { Bound };
}
