using System.Net;
using System.Text.Json;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The case page reads the case again after each change; a failed read keeps what the page showed.</summary>
public sealed class CaseReloadTests : QueueTestContext
{
    private const string Consent = """
        { "id": "0193a5b9-2222-7000-8000-000000000000", "purpose": "share-with-office", "officeId": null, "given": true,
          "recordedAt": "2026-12-01T15:00:00+00:00", "channel": "in-person", "language": "en", "recordedBy": "gt-idpp-guatemala-defender",
          "evidenceDocumentId": null, "evidenceReference": null, "withdrawnAt": null, "withdrawnBy": null, "withdrawalChannel": null, "isInForce": true }
        """;

    [Fact]
    public void A_failed_read_after_recording_a_consent_keeps_the_case_page_and_shows_the_error_over_it()
    {
        Routes.Route("GET", $"api/cases/{SampleCase.Id}/documents", """{ "items": [], "continuationToken": null }""");
        Routes.Route("POST", $"api/cases/{SampleCase.Id}/consents", Consent, HttpStatusCode.Created);
        Routes.Route("GET", $"api/cases/{SampleCase.Id}", JsonSerializer.Serialize(SampleCase.Of(), ApiJson.Options), etag: "\"1\"");
        var page = Render<CaseView>(p => p.Add(c => c.CaseId, SampleCase.Id));
        page.WaitForAssertion(() => Assert.Contains("GT-2026-000001", page.Find("h1").TextContent, StringComparison.Ordinal));
        Routes.UnreachableOnce("GET", $"api/cases/{SampleCase.Id}");

        page.FindAll("section[aria-labelledby=s-consents] fluent-button")[^1].Click();

        page.WaitForAssertion(() => Assert.Contains("could not be reached", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Contains("GT-2026-000001", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("section[aria-labelledby=s-consents]"));
        Assert.Single(Routes.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_case_that_cannot_be_read_on_opening_shows_the_error_alone()
    {
        Routes.Route("GET", $"api/cases/{SampleCase.Id}/documents", """{ "items": [], "continuationToken": null }""");
        Routes.UnreachableOnce("GET", $"api/cases/{SampleCase.Id}");

        var page = Render<CaseView>(p => p.Add(c => c.CaseId, SampleCase.Id));

        page.WaitForAssertion(() => Assert.Contains("could not be reached", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("section"));
    }
}
