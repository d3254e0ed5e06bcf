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
    public void Declining_asks_for_a_reason_code_and_sends_it_with_the_written_reason()
    {
        (string Action, ReferralActionRequest Request)? acted = null;
        var page = Render<ReferralActions>(p => p
            .Add(c => c.Referral, Referral("acknowledged", ["accept", "decline"]))
            .Add(c => c.Act, a => acted = a));
        Assert.Empty(page.FindAll("#f-reason"));
        Assert.Empty(page.FindAll("#f-reasonCode"));

        page.Find("#action").Change("decline");
        var codes = page.FindAll("#f-reasonCode option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToArray();
        page.Find("#f-reasonCode").Change("outside-mandate");
        page.Find("#f-reason").Change("Outside our mandate.");
        page.Find("fluent-button").Click();

        Assert.Equal(5, codes.Length);
        Assert.Contains(("conflict-of-interest", "Conflict of interest"), codes);
        Assert.Equal("decline", acted!.Value.Action);
        Assert.Equal(("outside-mandate", "Outside our mandate."), (acted.Value.Request.ReasonCode, acted.Value.Request.Reason));
        Assert.Null(acted.Value.Request.DefenderId);
    }

    [Theory]
    [InlineData("no-capacity", "", null, false)]
    [InlineData("other", "", "", true)]
    [InlineData("other", "Asked another office", "Asked another office", true)]
    public void The_written_reason_of_a_decline_is_required_only_with_the_code_other(string code, string typed, string? sent, bool required)
    {
        (string Action, ReferralActionRequest Request)? acted = null;
        var page = Render<ReferralActions>(p => p
            .Add(c => c.Referral, Referral("acknowledged", ["decline"]))
            .Add(c => c.Act, a => acted = a));

        page.Find("#f-reasonCode").Change(code);
        page.Find("#f-reason").Change(typed);
        var label = page.Find("label[for=f-reason]").TextContent;
        page.Find("fluent-button").Click();

        Assert.Equal(required, label.Contains("required", StringComparison.OrdinalIgnoreCase));
        Assert.Equal((code, sent), (acted!.Value.Request.ReasonCode, acted.Value.Request.Reason));
    }

    [Fact]
    public void Other_actions_send_no_reason_code()
    {
        (string Action, ReferralActionRequest Request)? acted = null;
        var page = Render<ReferralActions>(p => p
            .Add(c => c.Referral, Referral("sent", ["revoke"]))
            .Add(c => c.Act, a => acted = a));

        page.Find("#f-reason").Change("Sent by mistake");
        page.Find("fluent-button").Click();

        Assert.Equal(("revoke", null, "Sent by mistake"), (acted!.Value.Action, acted.Value.Request.ReasonCode, acted.Value.Request.Reason));
    }

    private static Referral Referral(string status, string[] allowed) => new(
        "0193a5c0-0000-7000-8000-000000000000", "incoming", null, "gt-idpp-guatemala", "mx-ifdp-tapachula", "representation", null,
        "normal", "Moved", ["client.fullName"], null, [], status, null, null, [], [], allowed, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);
}
