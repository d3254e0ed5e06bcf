namespace LegalAidReferral.WebConsole.Pages.ReferralParts;

/// <summary>
/// Which fields each referral action takes (docs/referrals.md), and which role it needs beyond the
/// API's <c>allowedActions</c> (which already says what the status and the caller's side allow).
/// </summary>
public static class ReferralActionRules
{
    public static readonly IReadOnlySet<string> NeedReason = new HashSet<string> { "decline", "revoke" };

    public static bool NeedsSupervisor(string action) => action == "assign";

    /// <summary>The actions to offer: those the API allows now that this user's roles permit; never <c>send</c>, which is the referral form.</summary>
    public static IReadOnlyList<string> Offered(IReadOnlyList<string> allowedActions, bool isSupervisor) =>
        allowedActions.Where(a => a != "send" && (isSupervisor || !NeedsSupervisor(a))).ToList();
}
