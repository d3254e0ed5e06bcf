using Bunit;
using Microsoft.Extensions.DependencyInjection;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Components;
using LegalAidReferral.WebConsole.Pages;
using LegalAidReferral.WebConsole.Pages.CaseParts;
using LegalAidReferral.WebConsole.SignIn;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// The API down (no network, a timeout) or answering something that is not its JSON: every call answers
/// a problem the pages show in the user's language, never an exception (Blazor's error bar).
/// </summary>
public sealed class UnreachableApiTests : QueueTestContext
{
    private const string Unreachable = "urn:legalaidreferral:console:unreachable";
    private const string CaseId = "0193a5c0-0000-7000-8000-0000000000b2";
    private const string Spanish = "No se pudo contactar con el servicio.";

    public UnreachableApiTests()
        : base("es")
    {
    }

    private ConsoleApi Client => new(new HttpClient(Routes) { BaseAddress = new Uri("http://console.test/") });

    public static TheoryData<string, string> Calls() => new()
    {
        { "GET", $"api/cases/{CaseId}" },
        { "POST", $"api/cases/{CaseId}/documents" },
        { "GET", $"api/cases/{CaseId}/documents/d1" },
        { "GET", "api/review/adherence.csv" },
        { "GET", "api/alerts" },
        { "GET", "dev/users" },
        { "POST", "dev/token" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_call_that_cannot_reach_the_API_answers_the_unreachable_problem(string method, string path)
    {
        Routes.UnreachableOnce(method, path);

        var problem = await CallAsync(Client, path);

        Assert.Equal(Unreachable, problem?.Type);
    }

    [Fact]
    public async Task A_success_whose_body_is_not_the_API_s_JSON_answers_a_problem()
    {
        Routes.Route("GET", "api/offices/gt-idpp-guatemala", "<!DOCTYPE html><html><body>console</body></html>");

        var result = await Client.GetOfficeAsync("gt-idpp-guatemala");

        Assert.False(result.Ok);
        Assert.NotNull(result.Problem);
    }

    [Fact]
    public void The_work_queue_shows_the_problem_in_the_user_s_language_when_the_API_is_down()
    {
        Routes.UnreachableOnce("GET", "api/alerts");

        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Contains(Spanish, page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void An_acknowledgement_that_cannot_reach_the_API_is_shown_at_its_alert()
    {
        Routes.Route("GET", "api/alerts", AlertPage(null, Missed("m1", "0193a5c0-0000-7000-8000-0000000000c3", "decide", "2026-12-01T11:00:00Z")));
        Routes.UnreachableOnce("POST", "api/alerts/m1/acknowledge");
        var page = Render<WorkQueue>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("section[aria-labelledby=q-alerts] li")));

        page.Find("section[aria-labelledby=q-alerts] li fluent-button").Click();

        page.WaitForAssertion(() => Assert.Contains(Spanish, page.Find("section[aria-labelledby=q-alerts] li [role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_download_that_cannot_reach_the_API_shows_the_problem()
    {
        Routes.Route("GET", $"api/cases/{CaseId}/documents", $$"""
            { "items": [ { "id": "d1", "caseId": "{{CaseId}}", "fileName": "consent.pdf", "contentType": "application/pdf", "sizeBytes": 2048,
                           "uploadedBy": "mx-ifdp-tapachula-defender", "uploadedAt": "2026-12-01T10:00:00Z" } ], "continuationToken": null }
            """);
        Routes.UnreachableOnce("GET", $"api/cases/{CaseId}/documents/d1");
        var panel = Render<DocumentsPanel>(p => p.Add(x => x.CaseId, CaseId));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("li button")));

        panel.Find("li button").Click();

        panel.WaitForAssertion(() => Assert.Contains(Spanish, panel.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_development_sign_in_shows_the_problem_when_the_host_cannot_be_reached()
    {
        Routes.UnreachableOnce("GET", "dev/users");
        Services.AddSingleton<ISignInSession>(new DevSignInSession(new HttpClient(Routes) { BaseAddress = new Uri("http://console.test/") }, JSInterop.JSRuntime, new SignInOptions()));

        var panel = Render<SignInPanel>();

        panel.WaitForAssertion(() => Assert.Contains(Spanish, panel.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    private static async Task<Problem?> CallAsync(ConsoleApi client, string path) => path switch
    {
        $"api/cases/{CaseId}" => (await client.GetCaseAsync(CaseId)).Problem,
        $"api/cases/{CaseId}/documents" => (await client.UploadDocumentAsync(CaseId, new MemoryStream([1, 2, 3]), "a.pdf", "application/pdf")).Problem,
        $"api/cases/{CaseId}/documents/d1" => (await client.DownloadAsync(ConsoleApi.CaseDocumentPath(CaseId, "d1"))).Problem,
        "api/review/adherence.csv" => (await client.GetAdherenceCsvAsync(new ReviewFilter())).Problem,
        "api/alerts" => (await client.ListAlertsAsync()).Problem,
        "dev/users" => (await client.DevUsersAsync()).Problem,
        "dev/token" => (await client.DevTokenAsync("gt-idpp-guatemala-defender")).Problem,
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };
}
