using System.Net;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>Paging buttons while a page is on its way: a second click reads nothing, so the page number and the rows stay right.</summary>
public sealed class PagingTests : ConsoleTestContext
{
    public PagingTests()
    {
        Services.AddSingleton<ISignInSession>(new NobodySignedIn());
        Services.AddSingleton(sp => new OfficeDirectory(sp.GetRequiredService<ConsoleApi>()));
    }

    [Fact]
    public void A_second_click_on_next_page_while_it_is_on_its_way_reads_one_page_and_counts_one()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Answer(HttpStatusCode.OK, """{ "items": [], "continuationToken": "page-2" }""");
        Api.Answer(HttpStatusCode.OK, """{ "items": [], "continuationToken": "page-3" }""", after: answer.Task);
        Services.GetRequiredService<NavigationManager>().NavigateTo("cases");
        var page = Render<Cases>();
        page.WaitForAssertion(() => Assert.Single(Api.Requests));

        DoubleClick.WhileOnItsWay(page, () => page.FindAll("button").Single(b => b.TextContent == "Next page"), answer);

        page.WaitForAssertion(() => Assert.Contains("Page 2", page.Find("p.muted").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, Api.Requests.Count);
    }

    [Fact]
    public void A_next_page_that_could_not_be_read_keeps_the_page_shown_and_its_number_under_the_error()
    {
        var routes = new RoutedApi()
            .Route("GET", "api/cases?", $$"""{ "items": [ {{CaseRow("GT-2026-000001")}} ], "continuationToken": "page-2" }""");
        Services.AddSingleton(new ConsoleApi(new HttpClient(routes) { BaseAddress = new Uri("http://console.test/") }));
        Services.GetRequiredService<NavigationManager>().NavigateTo("cases");
        var page = Render<Cases>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        routes.UnreachableOnce("GET", "api/cases?");

        page.FindAll("button").Single(b => b.TextContent == "Next page").Click();

        page.WaitForAssertion(() => Assert.Contains("could not be reached", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Contains("GT-2026-000001", page.Find("tbody").TextContent, StringComparison.Ordinal);
        Assert.Contains("Page 1", page.Find("p.muted").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.FindAll("button").Single(b => b.TextContent == "Previous page").GetAttribute("disabled"));
        Assert.Null(page.FindAll("button").Single(b => b.TextContent == "Next page").GetAttribute("disabled"));
    }

    [Fact]
    public void A_double_submit_of_a_name_search_searches_once()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Answer(HttpStatusCode.OK, """{ "items": [], "continuationToken": null }""");
        Api.Answer(HttpStatusCode.OK, """{ "items": [], "continuationToken": null }""", after: answer.Task);
        Services.GetRequiredService<NavigationManager>().NavigateTo("cases");
        var page = Render<Cases>();
        page.WaitForAssertion(() => Assert.Single(Api.Requests));
        page.Find("#q").Change("Ana Ficticia");

        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#cases-search").GetAttribute("disabled")));
        page.Find("form").Submit();
        answer.SetResult();

        page.WaitForAssertion(() => Assert.Null(page.Find("#cases-search").GetAttribute("disabled")));
        Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public void A_second_click_on_more_referrals_while_they_are_on_their_way_lists_each_referral_once()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Answer(HttpStatusCode.OK, $$"""{ "items": [ {{Referral("r1")}} ], "continuationToken": "page-2" }""");
        Api.Answer(HttpStatusCode.OK, $$"""{ "items": [ {{Referral("r2")}} ], "continuationToken": "page-3" }""", after: answer.Task);
        var page = Render<Referrals>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));

        DoubleClick.WhileOnItsWay(page, () => page.FindAll("button").Single(b => b.TextContent == "Next page"), answer);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Equal(2, Api.Requests.Count);
    }

    private static string CaseRow(string reference) => $$"""
        { "id": "0193a5c0-0000-7000-8000-000000000001", "reference": "{{reference}}", "clientName": "Ana Ficticia", "status": "intake", "priority": null,
          "channel": "staff", "createdAt": "2026-12-01T10:00:00Z", "updatedAt": "2026-12-01T10:00:00Z", "demo": false }
        """;

    private static string Referral(string id) => $$"""
        { "id": "{{id}}", "direction": "incoming", "caseId": null, "fromOfficeId": "gt-idpp-guatemala", "toOfficeId": "mx-ifdp-tapachula",
          "kind": "representation", "priority": "normal", "reason": "r", "sharedFields": [], "documentIds": [], "status": "sent",
          "steps": [], "deadlines": [], "allowedActions": [], "createdAt": "2026-12-01T10:00:00Z", "updatedAt": "2026-12-01T10:00:00Z", "version": 1 }
        """;
}
