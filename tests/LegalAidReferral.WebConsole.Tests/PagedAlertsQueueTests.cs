using Bunit;
using LegalAidReferral.WebConsole.Pages;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The work queue reads every page of alerts, so erasure requests (due last) are counted past the first page.</summary>
public sealed class PagedAlertsQueueTests : QueueTestContext
{
    public PagedAlertsQueueTests()
    {
        Routes.Route("GET", "api/alerts?limit=100&continuationToken=page-2", AlertPage(null, Erasure("e1", "0193a5c0-0000-7000-8000-0000000000b2", "MX-2026-000008")));
        Routes.Route("GET", "api/alerts?limit=100", AlertPage("page-2", HandOff("a1", "0193a5c0-0000-7000-8000-0000000000a1", "MX-2026-000007")));
    }

    [Fact]
    public void Erasure_requests_on_a_later_page_of_alerts_are_listed_and_counted()
    {
        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Contains("(1)", page.Find("#q-erasures").TextContent, StringComparison.Ordinal));
        Assert.Contains("(1)", page.Find("#q-handoffs").TextContent, StringComparison.Ordinal);
        Assert.Contains(Routes.Requests, r => r is { Method: "GET", Path: "api/alerts?limit=100&continuationToken=page-2" });
    }
}
