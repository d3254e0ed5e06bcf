namespace LegalAidReferral.WebConsole.Pages.ReferralParts;

/// <summary>
/// Which fields each referral action takes (docs/referrals.md), and which role it needs beyond the
/// API's <c>allowedActions</c> (which already says what the status and the caller's side allow).
/// </summary>
public static class ReferralActionRules
{
    /// <summary>The actions that take a written reason.</summary>
    public static readonly IReadOnlySet<string> TakeReason = new HashSet<string> { "decline", "revoke" };

    /// <summary>A revoke always needs its written reason; a decline only with the code <c>other</c>.</summary>
    public static bool NeedsReason(string action, string? reasonCode) => action == "revoke" || (action == "decline" && reasonCode == "other");

    public static bool NeedsSupervisor(string action) => action == "assign";

    /// <summary>The actions to offer: those the API allows now that this user's roles permit; never <c>send</c>, which is the referral form.</summary>
    public static IReadOnlyList<string> Offered(IReadOnlyList<string> allowedActions, bool isSupervisor) =>
        allowedActions.Where(a => a != "send" && (isSupervisor || !NeedsSupervisor(a))).ToList();
}
