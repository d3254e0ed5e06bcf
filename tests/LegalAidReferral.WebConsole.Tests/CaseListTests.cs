using System.Net;
using System.Text.Json.Nodes;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The case list's page size lives in the address; a name searched for never does.</summary>
public sealed class CaseListTests : ConsoleTestContext
{
    private const string EmptyPage = """{ "items": [], "continuationToken": null }""";

    public CaseListTests()
    {
        Services.AddSingleton<ISignInSession>(new NobodySignedIn());
        Services.AddSingleton(sp => new OfficeDirectory(sp.GetRequiredService<ConsoleApi>()));
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Theory]
    [InlineData("cases", "25")]
    [InlineData("cases?size=50", "50")]
    [InlineData("cases?size=100", "100")]
    [InlineData("cases?size=37", "25")]
    public void The_page_size_in_the_address_is_the_page_asked_for(string address, string limit)
    {
        Api.Answer(HttpStatusCode.OK, EmptyPage);
        Navigation.NavigateTo(address);

        var page = Render<Cases>();

        page.WaitForAssertion(() => Assert.Equal($"/api/cases?limit={limit}", Assert.Single(Api.Requests).Path));
        Assert.Equal(limit, page.Find("#size").GetAttribute("value"));
    }

    [Fact]
    public void Choosing_a_size_puts_it_in_the_address_and_reads_the_first_page_again_with_it()
    {
        Api.Answer(HttpStatusCode.OK, """{ "items": [], "continuationToken": "next" }""");
        Api.Answer(HttpStatusCode.OK, EmptyPage);
        Api.Answer(HttpStatusCode.OK, EmptyPage);
        Navigation.NavigateTo("cases");
        var page = Render<Cases>();
        page.WaitForAssertion(() => Assert.Single(Api.Requests));
        page.FindAll("button").Single(b => b.TextContent == "Next page").Click();
        page.WaitForAssertion(() => Assert.Equal(2, Api.Requests.Count));

        page.Find("#size").Change("100");

        page.WaitForAssertion(() => Assert.Equal(3, Api.Requests.Count));
        Assert.EndsWith("cases?size=100", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("/api/cases?limit=100", Api.Requests[2].Path);
        Assert.Contains("Page 1", page.Find("p.muted").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_search_takes_the_page_size_and_keeps_the_name_out_of_the_address()
    {
        Api.Answer(HttpStatusCode.OK, EmptyPage);
        Api.Answer(HttpStatusCode.OK, EmptyPage);
        Navigation.NavigateTo("cases?size=50");
        var page = Render<Cases>();
        page.WaitForAssertion(() => Assert.Single(Api.Requests));

        page.Find("#q").Change("Rosalinda Ficticia");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(2, Api.Requests.Count));
        var search = Api.Requests[1];
        Assert.Equal("/api/cases/search", search.Path);
        var body = JsonNode.Parse(search.Body!)!;
        Assert.Equal(50, body["limit"]!.GetValue<int>());
        Assert.Equal("Rosalinda Ficticia", body["q"]!.GetValue<string>());
        Assert.DoesNotContain("Rosalinda", Navigation.Uri, StringComparison.OrdinalIgnoreCase);
    }
}
