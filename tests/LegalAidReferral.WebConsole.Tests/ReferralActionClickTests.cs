using System.Net;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;
using ReferralPageComponent = LegalAidReferral.WebConsole.Pages.ReferralPage;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>A referral action is sent once for a double click: a second request would carry the same ETag and be reported as someone else's change.</summary>
public sealed class ReferralActionClickTests : ConsoleTestContext
{
    private const string ReferralId = "0193a5c0-0000-7000-8000-000000000000";
    private readonly RoutedApi _routes = new();

    public ReferralActionClickTests()
    {
        var client = new ConsoleApi(new HttpClient(_routes) { BaseAddress = new Uri("http://console.test/") });
        Services.AddSingleton(client);
        Services.AddSingleton<ISignInSession>(new NobodySignedIn());
        Services.AddSingleton(new OfficeDirectory(client));
        _routes.Route("GET", $"api/referrals/{ReferralId}/messages", """{ "items": [], "continuationToken": null }""");
        _routes.Route("GET", $"api/referrals/{ReferralId}", Referral("sent", """["close"]"""), etag: "\"2\"");
        _routes.Route("GET", "api/offices?", """{ "items": [], "continuationToken": null }""");
    }

    [Fact]
    public void A_second_click_on_an_action_while_it_is_on_its_way_sends_nothing()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _routes.Route("POST", $"api/referrals/{ReferralId}/close", Referral("closed", "[]"), after: answer.Task, etag: "\"3\"");
        var page = Render<ReferralPageComponent>(p => p.Add(c => c.ReferralId, ReferralId));
        page.WaitForAssertion(() => page.Find("section[aria-labelledby=s-actions] fluent-button"));

        DoubleClick.WhileOnItsWay(page, () => page.Find("section[aria-labelledby=s-actions] fluent-button"), answer);

        page.WaitForAssertion(() => Assert.Equal("Saved.", page.Find("div[role=status]").TextContent.Trim()));
        Assert.Single(_routes.Requests, r => r.Method == "POST");
        Assert.Empty(page.FindAll("[role=alert]"));
    }

    private static string Referral(string status, string allowedActions) => $$"""
        { "id": "{{ReferralId}}", "direction": "outgoing", "caseId": "0193a5b9-1111-7000-8000-000000000000", "fromOfficeId": "gt-idpp-guatemala",
          "toOfficeId": "mx-ifdp-tapachula", "kind": "representation", "priority": "normal", "reason": "Moved", "sharedFields": [], "documentIds": [],
          "status": "{{status}}", "steps": [], "deadlines": [], "allowedActions": {{allowedActions}},
          "createdAt": "2026-12-01T10:00:00Z", "updatedAt": "2026-12-01T10:00:00Z", "version": 2 }
        """;
}
