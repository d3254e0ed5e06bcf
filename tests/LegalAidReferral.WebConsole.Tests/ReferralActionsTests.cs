using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages.ReferralParts;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The referral actions offered: those the API allows now, less those the user's role may not take.</summary>
public sealed class ReferralActionsTests : ConsoleTestContext
{
    public static TheoryData<string, string[], bool, string[]> Cases() => new()
    {
        // status, the API's allowedActions, supervisor?, offered
        { "sent", ["acknowledge"], false, ["acknowledge"] },
        { "acknowledged", ["accept", "decline"], false, ["accept", "decline"] },
        { "accepted", ["assign"], false, [] },
        { "accepted", ["assign"], true, ["assign"] },
        { "assigned", ["assign", "first-contact"], false, ["first-contact"] },
        { "assigned", ["assign", "first-contact"], true, ["assign", "first-contact"] },
        { "in-progress", ["outcome"], false, ["outcome"] },
        { "completed", ["close"], false, ["close"] },
        { "sent", ["revoke"], false, ["revoke"] },
        { "closed", [], true, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_actions_offered_follow_the_status_and_the_role(string status, string[] allowed, bool supervisor, string[] offered)
    {
        var page = Render<ReferralActions>(p => p
            .Add(c => c.Referral, Referral(status, allowed))
            .Add(c => c.IsSupervisor, supervisor));

        var options = page.FindAll("#action option").Select(o => o.GetAttribute("value")).ToArray();
        Assert.Equal(offered, options);
        if (offered.Length == 0)
        {
            Assert.Contains("Nothing to do on this referral now.", page.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Declining_asks_for_a_reason_and_sends_it()
    {
        (string Action, ReferralActionRequest Request)? acted = null;
        var page = Render<ReferralActions>(p => p
            .Add(c => c.Referral, Referral("acknowledged", ["accept", "decline"]))
            .Add(c => c.Act, a => acted = a));
        Assert.Empty(page.FindAll("#f-reason"));

        page.Find("#action").Change("decline");
        page.Find("#f-reason").Change("Outside our mandate.");
        page.Find("fluent-button").Click();

        Assert.Equal("decline", acted!.Value.Action);
        Assert.Equal("Outside our mandate.", acted.Value.Request.Reason);
        Assert.Null(acted.Value.Request.DefenderId);
    }

    private static Referral Referral(string status, string[] allowed) => new(
        "0193a5c0-0000-7000-8000-000000000000", "incoming", null, "gt-idpp-guatemala", "mx-ifdp-tapachula", "representation", null,
        "normal", "Moved", ["client.fullName"], null, [], status, null, null, [], [], allowed, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);
}
