using System.Net;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages.CaseParts;
using LegalAidReferral.WebConsole.Pages.ReferralParts;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// Forms that create something (a referral, a consent, a message): a second click while the first is on
/// its way sends nothing, and a retry of the same request after a lost answer carries the same
/// Idempotency-Key, so the API stores it once; a changed request is a new one, with a new key.
/// </summary>
public sealed class RepeatedSubmissionTests : ConsoleTestContext
{
    private const string Referrals = $"api/cases/{SampleCase.Id}/referrals";
    private const string Consents = $"api/cases/{SampleCase.Id}/consents";
    private const string Messages = "api/referrals/r1/messages";
    private readonly RoutedApi _routes = new();

    public RepeatedSubmissionTests()
    {
        var client = new ConsoleApi(new HttpClient(_routes) { BaseAddress = new Uri("http://console.test/") });
        Services.AddSingleton(client);
        Services.AddSingleton<ISignInSession>(new NobodySignedIn());
        Services.AddSingleton(new OfficeDirectory(client));
        _routes.Route("GET", "api/offices?", """
            { "items": [ { "id": "gt-idpp-guatemala", "name": "IDPP Guatemala", "timeZone": "UTC" }, { "id": "mx-ifdp-tapachula", "name": "IFDP Tapachula", "timeZone": "UTC" } ],
              "continuationToken": null }
            """);
        _routes.Route("GET", $"api/cases/{SampleCase.Id}/documents", """{ "items": [], "continuationToken": null }""");
        _routes.Route("GET", "api/referrals?", """{ "items": [], "continuationToken": null }""");
        _routes.Route("GET", Messages, """{ "items": [], "continuationToken": null }""");
    }

    public static TheoryData<string> Forms() => [Referrals, Consents, Messages];

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_second_click_while_the_first_is_on_its_way_sends_nothing(string path)
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _routes.Route("POST", path, """{ "id": "new-1" }""", HttpStatusCode.Created, answer.Task);
        var form = RenderForm(path);

        DoubleClick.WhileOnItsWay(form, () => SubmitButton(form), answer);

        form.WaitForAssertion(() => Assert.Null(SubmitButton(form).GetAttribute("disabled")));
        Assert.Single(_routes.Requests, r => r.Method == "POST" && r.Path == path);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_retry_after_a_lost_answer_carries_the_same_key_and_a_changed_request_a_new_one(string path)
    {
        _routes.UnreachableOnce("POST", path);
        _routes.UnreachableOnce("POST", path);
        _routes.Route("POST", path, """{ "id": "new-1" }""", HttpStatusCode.Created);
        var form = RenderForm(path);

        Submit(form);
        form.WaitForAssertion(() => Assert.Single(form.FindAll("[role=alert]")));
        Submit(form);
        form.WaitForAssertion(() => Assert.Equal(2, _routes.Requests.Count(r => r.Method == "POST")));
        form.Find(TextInput(path)).Change("Changed after the failure.");
        Submit(form);

        form.WaitForAssertion(() => Assert.Equal(3, _routes.Requests.Count(r => r.Method == "POST")));
        var keys = _routes.Requests.Where(r => r.Method == "POST").Select(r => r.IdempotencyKey).ToList();
        Assert.All(keys, Assert.NotNull);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[1], keys[2]);
    }

    [Fact]
    public void The_referral_form_offers_the_documents_the_page_listed_without_listing_them_again()
    {
        var scan = new CaseDocument("doc-7", SampleCase.Id, "scan.pdf", "application/pdf", 2048, "gt-idpp-guatemala-defender", DateTimeOffset.UnixEpoch);

        var form = Render<CaseReferralsPanel>(p => p
            .Add(c => c.Context, new CaseContext(SampleCase.Of(), "\"1\""))
            .Add(c => c.Documents, [scan]));

        form.WaitForAssertion(() => Assert.Equal("scan.pdf", form.Find("label[for=sd-doc-7]").TextContent));
        Assert.DoesNotContain(_routes.Requests, r => r.Path.StartsWith($"api/cases/{SampleCase.Id}/documents", StringComparison.Ordinal));
    }

    private IRenderedComponent<IComponent> RenderForm(string path) => path switch
    {
        Referrals => Render<CaseReferralsPanel>(p => p.Add(c => c.Context, new CaseContext(SampleCase.Of(), "\"1\""))),
        Consents => Render<ConsentsPanel>(p => p.Add(c => c.Context, new CaseContext(SampleCase.Of(), "\"1\""))),
        _ => Render<ReferralThread>(p => p.Add(c => c.ReferralId, "r1")),
    };

    private static string TextInput(string path) => path switch
    {
        Referrals => "#referral-f-reason",
        Consents => "#consent-f-evidenceReference",
        _ => "#f-text",
    };

    private static AngleSharp.Dom.IElement SubmitButton(IRenderedComponent<IComponent> form) => form.FindAll("fluent-button")[^1];

    private static void Submit(IRenderedComponent<IComponent> form) => SubmitButton(form).Click();
}
