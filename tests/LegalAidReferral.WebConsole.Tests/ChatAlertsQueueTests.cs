using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The work queue's chat sections: open hand-offs and erasure requests (with the time left), each linking to its case.</summary>
public sealed class ChatAlertsQueueTests : ConsoleTestContext
{
    private const string HandOffCase = "0193a5c0-0000-7000-8000-0000000000a1";
    private const string ErasureCase = "0193a5c0-0000-7000-8000-0000000000b2";
    private readonly RoutedApi _api = new();

    public ChatAlertsQueueTests()
    {
        var client = new ConsoleApi(new HttpClient(_api) { BaseAddress = new Uri("http://console.test/") });
        Services.AddSingleton(client);
        Services.AddSingleton<ISignInSession>(new StaticSession(new StaffUser("mx-ifdp-tapachula-defender", "Defender", "mx-ifdp-tapachula", [RoleNames.Defender])));
        Services.AddSingleton(new OfficeDirectory(client));
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)));
        _api.Route("GET", "api/alerts", $$"""
            { "items": [
              { "id": "a1", "kind": "chat-hand-off", "referralId": null, "deadline": null, "occurrence": null, "caseId": "{{HandOffCase}}", "caseReference": "MX-2026-000007",
                "dueAt": "2026-12-01T10:00:00Z", "raisedAt": "2026-12-01T10:00:00Z", "acknowledgedAt": null, "acknowledgedBy": null },
              { "id": "m1", "kind": "missed-deadline", "referralId": "0193a5c0-0000-7000-8000-0000000000c3", "deadline": "acknowledge", "occurrence": 1, "caseId": null, "caseReference": null,
                "dueAt": "2026-12-01T11:00:00Z", "raisedAt": "2026-12-01T11:01:00Z", "acknowledgedAt": null, "acknowledgedBy": null },
              { "id": "e1", "kind": "erasure-request", "referralId": null, "deadline": null, "occurrence": null, "caseId": "{{ErasureCase}}", "caseReference": "MX-2026-000008",
                "dueAt": "2026-12-31T10:00:00Z", "raisedAt": "2026-12-01T10:00:00Z", "acknowledgedAt": null, "acknowledgedBy": null }
            ], "continuationToken": null }
            """);
        _api.Route("GET", "api/referrals", """{ "items": [], "continuationToken": null }""");
        _api.Route("GET", "api/cases", """{ "items": [], "continuationToken": null }""");
        _api.Route("GET", "api/offices?", """{ "items": [], "continuationToken": null }""");
    }

    [Fact]
    public void Hand_offs_and_erasure_requests_are_listed_apart_from_missed_deadlines_and_link_to_their_case()
    {
        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Contains("(1)", page.Find("#q-handoffs").TextContent, StringComparison.Ordinal));
        var handOff = page.Find("section[aria-labelledby=q-handoffs] li");
        var erasure = page.Find("section[aria-labelledby=q-erasures] li");
        Assert.Equal(($"cases/{HandOffCase}", "MX-2026-000007"), (handOff.QuerySelector("a")!.GetAttribute("href"), handOff.QuerySelector("a")!.TextContent));
        Assert.Contains("waiting since", handOff.TextContent, StringComparison.Ordinal);
        Assert.Equal(($"cases/{ErasureCase}", "MX-2026-000008"), (erasure.QuerySelector("a")!.GetAttribute("href"), erasure.QuerySelector("a")!.TextContent));
        Assert.Contains("due in", erasure.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Single(page.FindAll("section[aria-labelledby=q-alerts] li"));
    }

    [Fact]
    public void Acknowledging_an_erasure_request_takes_it_off_the_queue()
    {
        _api.Route("POST", "api/alerts/e1/acknowledge", """
            { "id": "e1", "kind": "erasure-request", "referralId": null, "deadline": null, "occurrence": null, "caseId": "0193a5c0-0000-7000-8000-0000000000b2", "caseReference": "MX-2026-000008",
              "dueAt": "2026-12-31T10:00:00Z", "raisedAt": "2026-12-01T10:00:00Z", "acknowledgedAt": "2026-12-01T12:00:00Z", "acknowledgedBy": "mx-ifdp-tapachula-defender" }
            """);
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("section[aria-labelledby=q-erasures] li")));

        page.Find("section[aria-labelledby=q-erasures] fluent-button").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("section[aria-labelledby=q-erasures] li")));
        Assert.Contains(_api.Requests, r => r is { Method: "POST", Path: "api/alerts/e1/acknowledge" });
        Assert.Single(page.FindAll("section[aria-labelledby=q-handoffs] li"));
    }
}
