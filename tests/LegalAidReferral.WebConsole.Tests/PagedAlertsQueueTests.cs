using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The work queue reads every page of alerts, so erasure requests (due last) are counted past the first page.</summary>
public sealed class PagedAlertsQueueTests : ConsoleTestContext
{
    private readonly RoutedApi _api = new();

    public PagedAlertsQueueTests()
    {
        var client = new ConsoleApi(new HttpClient(_api) { BaseAddress = new Uri("http://console.test/") });
        Services.AddSingleton(client);
        Services.AddSingleton<ISignInSession>(new StaticSession(new StaffUser("mx-ifdp-tapachula-defender", "Defender", "mx-ifdp-tapachula", [RoleNames.Defender])));
        Services.AddSingleton(new OfficeDirectory(client));
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)));
        _api.Route("GET", "api/alerts?limit=100&continuationToken=page-2", """
            { "items": [
              { "id": "e1", "kind": "erasure-request", "referralId": null, "deadline": null, "occurrence": null, "caseId": "0193a5c0-0000-7000-8000-0000000000b2", "caseReference": "MX-2026-000008",
                "dueAt": "2026-12-31T10:00:00Z", "raisedAt": "2026-12-01T10:00:00Z", "acknowledgedAt": null, "acknowledgedBy": null }
            ], "continuationToken": null }
            """);
        _api.Route("GET", "api/alerts?limit=100", """
            { "items": [
              { "id": "a1", "kind": "chat-hand-off", "referralId": null, "deadline": null, "occurrence": null, "caseId": "0193a5c0-0000-7000-8000-0000000000a1", "caseReference": "MX-2026-000007",
                "dueAt": "2026-12-01T10:00:00Z", "raisedAt": "2026-12-01T10:00:00Z", "acknowledgedAt": null, "acknowledgedBy": null }
            ], "continuationToken": "page-2" }
            """);
        _api.Route("GET", "api/referrals", """{ "items": [], "continuationToken": null }""");
        _api.Route("GET", "api/cases", """{ "items": [], "continuationToken": null }""");
        _api.Route("GET", "api/offices?", """{ "items": [], "continuationToken": null }""");
    }

    [Fact]
    public void Erasure_requests_on_a_later_page_of_alerts_are_listed_and_counted()
    {
        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Contains("(1)", page.Find("#q-erasures").TextContent, StringComparison.Ordinal));
        Assert.Contains("(1)", page.Find("#q-handoffs").TextContent, StringComparison.Ordinal);
        Assert.Contains(_api.Requests, r => r is { Method: "GET", Path: "api/alerts?limit=100&continuationToken=page-2" });
    }
}
