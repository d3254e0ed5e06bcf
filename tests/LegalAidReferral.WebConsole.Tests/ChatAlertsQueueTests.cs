using Bunit;
using LegalAidReferral.WebConsole.Pages;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The work queue's chat sections: open hand-offs and erasure requests (with the time left), each linking to its case.</summary>
public sealed class ChatAlertsQueueTests : QueueTestContext
{
    private const string HandOffCase = "0193a5c0-0000-7000-8000-0000000000a1";
    private const string ErasureCase = "0193a5c0-0000-7000-8000-0000000000b2";

    public ChatAlertsQueueTests()
    {
        Routes.Route("GET", "api/alerts", AlertPage(
            null,
            HandOff("a1", HandOffCase, "MX-2026-000007"),
            Missed("m1", "0193a5c0-0000-7000-8000-0000000000c3", "acknowledge", "2026-12-01T11:00:00Z"),
            Erasure("e1", ErasureCase, "MX-2026-000008")));
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
}
