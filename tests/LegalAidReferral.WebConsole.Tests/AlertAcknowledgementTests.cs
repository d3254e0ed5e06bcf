using System.Globalization;
using Bunit;
using LegalAidReferral.WebConsole.Pages;
using Microsoft.AspNetCore.Components;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// The work queue's acknowledge buttons: each named for its alert (several stand in one list), and an
/// erasure request, which acknowledging clears for good, confirmed in the page before it is sent.
/// </summary>
public sealed class AlertAcknowledgementTests : QueueTestContext
{
    private const string FirstErasureCase = "0193a5c0-0000-7000-8000-0000000000b2";
    private const string SendingCase = "0193a5c0-0000-7000-8000-0000000000b4";

    public AlertAcknowledgementTests()
    {
        Routes.Route("GET", "api/alerts", AlertPage(
            null,
            Missed("m1", "0193a5c0-0000-7000-8000-0000000000c3", "acknowledge", "2026-12-01T11:00:00Z"),
            Missed("m2", "0193a5c0-0000-7000-8000-0000000000c4", "decide", "2026-11-30T15:30:00Z", "gt-idpp-guatemala"),
            Missed("m3", "0193a5c0-0000-7000-8000-0000000000c5", "decide", "2026-11-30T16:00:00Z", "gt-idpp-guatemala", SendingCase, "MX-2026-000003"),
            HandOff("a1", "0193a5c0-0000-7000-8000-0000000000a1", "MX-2026-000007"),
            Erasure("e1", FirstErasureCase, "MX-2026-000008"),
            Erasure("e2", "0193a5c0-0000-7000-8000-0000000000b3", "MX-2026-000009")));
    }

    [Fact]
    public void Each_acknowledge_button_is_named_for_its_alert_kind_its_case_or_other_office_and_deadline()
    {
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("section[aria-labelledby=q-erasures] li").Count));

        var buttons = page.FindAll("fluent-button");

        string Due(int month, int day, int hour, int minute) =>
            AccessibleNames.Collapse(new DateTime(2026, month, day, hour, minute, 0).ToString("g", CultureInfo.CurrentCulture));
        Assert.Equal(
            [
                $"Acknowledge the missed deadline: Acknowledge, due {Due(12, 1, 11, 0)}",
                $"Acknowledge the missed deadline of the referral with gt-idpp-guatemala: Decide, due {Due(11, 30, 15, 30)}",
                $"Acknowledge the missed deadline of case MX-2026-000003: Decide, due {Due(11, 30, 16, 0)}",
                "Acknowledge the erasure request of case MX-2026-000008",
                "Acknowledge the erasure request of case MX-2026-000009",
            ],
            buttons.Select(AccessibleNames.Of));
        Assert.All(buttons, b => Assert.Equal("Acknowledge", b.QuerySelector("[aria-hidden=true]")!.TextContent));
    }

    [Fact]
    public void A_missed_deadline_shows_the_sending_offices_case_as_a_link_and_the_other_office()
    {
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("section[aria-labelledby=q-alerts] li").Count));

        var items = page.FindAll("section[aria-labelledby=q-alerts] li");

        Assert.Equal($"cases/{SendingCase}", items[2].QuerySelector("a[href^=cases]")!.GetAttribute("href"));
        Assert.Equal("MX-2026-000003", items[2].QuerySelector("a[href^=cases]")!.TextContent);
        Assert.Contains("Other office: gt-idpp-guatemala", AccessibleNames.Collapse(items[1].TextContent), StringComparison.Ordinal);
        Assert.Null(items[1].QuerySelector("a[href^=cases]"));
        Assert.DoesNotContain("Other office", items[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledging_an_erasure_request_asks_in_the_page_first_and_sends_nothing_when_declined()
    {
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("section[aria-labelledby=q-erasures] li").Count));

        ErasureItem(page, "MX-2026-000008").QuerySelector("fluent-button")!.Click();

        var group = ErasureItem(page, "MX-2026-000008").QuerySelector("[role=group]")!;
        var question = page.Find($"#{group.GetAttribute("aria-labelledby")}");
        Assert.Contains("MX-2026-000008", question.TextContent, StringComparison.Ordinal);
        Assert.Contains("for good", question.TextContent, StringComparison.Ordinal);
        Assert.Equal(question.GetAttribute("blazor:elementReference"), ((ElementReference)JSInterop.VerifyFocusAsyncInvoke().Arguments[0]!).Id);
        Assert.Equal(
            ["Yes, acknowledge and clear it", "No, keep it in the queue"],
            group.QuerySelectorAll("fluent-button").Select(AccessibleNames.Of));
        Assert.DoesNotContain(Routes.Requests, r => r.Method == "POST");

        group.QuerySelectorAll("fluent-button")[1].Click();

        Assert.Null(ErasureItem(page, "MX-2026-000008").QuerySelector("[role=group]"));
        Assert.Equal(2, page.FindAll("section[aria-labelledby=q-erasures] li").Count);
        Assert.DoesNotContain(Routes.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_confirmed_erasure_acknowledgement_is_sent_and_takes_the_request_off_the_queue()
    {
        Routes.Route("POST", "api/alerts/e1/acknowledge", Erasure("e1", FirstErasureCase, "MX-2026-000008", acknowledgedAt: "2026-12-01T12:00:00Z"));
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("section[aria-labelledby=q-erasures] li").Count));

        ErasureItem(page, "MX-2026-000008").QuerySelector("fluent-button")!.Click();
        ErasureItem(page, "MX-2026-000008").QuerySelector("[role=group] fluent-button")!.Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("section[aria-labelledby=q-erasures] li")));
        Assert.Contains("MX-2026-000009", page.Find("section[aria-labelledby=q-erasures] li").TextContent, StringComparison.Ordinal);
        Assert.Single(Routes.Requests, r => r is { Method: "POST", Path: "api/alerts/e1/acknowledge" });
        Assert.Single(page.FindAll("section[aria-labelledby=q-handoffs] li"));
    }

    [Fact]
    public void A_missed_deadline_is_acknowledged_without_a_confirmation_since_it_stays_open_until_its_step_is_done()
    {
        Routes.Route("POST", "api/alerts/m1/acknowledge", Missed("m1", "0193a5c0-0000-7000-8000-0000000000c3", "acknowledge", "2026-12-01T11:00:00Z"));
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("section[aria-labelledby=q-alerts] li").Count));

        page.Find("section[aria-labelledby=q-alerts] li fluent-button").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("section[aria-labelledby=q-alerts] li").Count));
        Assert.Single(Routes.Requests, r => r is { Method: "POST", Path: "api/alerts/m1/acknowledge" });
        Assert.Empty(page.FindAll("[role=group]"));
    }

    [Fact]
    public void A_refused_acknowledgement_is_shown_at_its_alert_which_stays_listed()
    {
        Routes.Route("POST", "api/alerts/e1/acknowledge", """{ "type": "https://legalaidreferral.example/problems/not-found", "title": "Not found.", "status": 404 }""", System.Net.HttpStatusCode.NotFound);
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("section[aria-labelledby=q-erasures] li").Count));

        ErasureItem(page, "MX-2026-000008").QuerySelector("fluent-button")!.Click();
        ErasureItem(page, "MX-2026-000008").QuerySelector("[role=group] fluent-button")!.Click();

        page.WaitForAssertion(() => Assert.NotNull(ErasureItem(page, "MX-2026-000008").QuerySelector("[role=alert]")));
        Assert.Equal(2, page.FindAll("section[aria-labelledby=q-erasures] li").Count);
        Assert.Null(ErasureItem(page, "MX-2026-000009").QuerySelector("[role=alert]"));
    }

    private static AngleSharp.Dom.IElement ErasureItem(IRenderedComponent<WorkQueue> page, string caseReference) =>
        page.FindAll("section[aria-labelledby=q-erasures] li").Single(li => li.QuerySelector("a")!.TextContent == caseReference);
}
