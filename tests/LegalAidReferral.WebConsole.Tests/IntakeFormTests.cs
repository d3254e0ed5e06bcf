using System.Net;
using System.Text.Json.Nodes;
using Bunit;
using LegalAidReferral.WebConsole.Pages;

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
}
