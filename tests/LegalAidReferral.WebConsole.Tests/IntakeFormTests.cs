using System.Net;
using System.Text.Json.Nodes;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

public sealed class IntakeFormTests : ConsoleTestContext
{
    [Fact]
    public void The_servers_validation_errors_appear_next_to_their_fields_and_are_announced()
    {
        Api.Answer(HttpStatusCode.BadRequest, """
            { "type": "https://legalaidreferral.example/problems/validation", "title": "The request is not valid.", "status": 400,
              "detail": "The request has invalid fields.", "traceId": "t1",
              "errors": { "client.fullName": ["Enter the client's full name."], "legalIssues[0].description": ["Describe the issue."] } }
            """);
        var page = Render<Intake>();

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Enter the client's full name.", page.Find("#e-client-fullName").TextContent.Trim()));
        var name = page.Find("#f-client-fullName");
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        Assert.Equal("e-client-fullName", name.GetAttribute("aria-describedby"));
        Assert.Equal("Describe the issue.", page.Find("#e-legalIssues-0--description").TextContent.Trim());
        Assert.NotNull(page.Find("[role=alert]"));
        Assert.Null(page.Find("#f-client-aliases").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_submitted_intake_sends_what_was_typed_and_leaves_blank_fields_out()
    {
        Api.Answer(HttpStatusCode.BadRequest, """{ "status": 400, "errors": {} }""");
        var page = Render<Intake>();
        page.Find("#f-client-fullName").Change("Ana Ficticia Ruiz");
        page.Find("#f-client-nationalities").Change("HN, GT");
        page.Find("#f-household-size").Change("3");
        page.Find("#v-detained").Change(true);

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Single(Api.Requests));
        var body = JsonNode.Parse(Api.Requests[0].Body!)!;
        Assert.Equal("Ana Ficticia Ruiz", body["client"]!["fullName"]!.GetValue<string>());
        Assert.Equal(["HN", "GT"], body["client"]!["nationalities"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(3, body["household"]!["size"]!.GetValue<int>());
        Assert.Equal("detained", body["vulnerabilities"]![0]!.GetValue<string>());
        Assert.Null(body["client"]!["aliases"]);
        Assert.Null(body["keyDates"]);
    }

    [Fact]
    public void A_retry_after_a_lost_answer_carries_the_same_key_and_a_changed_intake_a_new_one()
    {
        var routes = new RoutedApi()
            .UnreachableOnce("POST", "api/cases")
            .UnreachableOnce("POST", "api/cases")
            .Route("POST", "api/cases", """{ "status": 400, "errors": {} }""", HttpStatusCode.BadRequest);
        Services.AddSingleton(new ConsoleApi(new HttpClient(routes) { BaseAddress = new Uri("http://console.test/") }));
        var page = Render<Intake>();
        page.Find("#f-client-fullName").Change("Ana Ficticia Ruiz");

        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[role=alert]")));
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Equal(2, routes.Requests.Count));
        page.Find("#f-client-fullName").Change("Ana Ficticia Ruiz de León");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(3, routes.Requests.Count));
        var keys = routes.Requests.Select(r => r.IdempotencyKey).ToList();
        Assert.All(keys, Assert.NotNull);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[1], keys[2]);
    }
}
