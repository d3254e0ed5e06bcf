using System.Net;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// A call that throws instead of answering (a token request failing in the browser, say) must not leave a
/// button disabled for ever: each busy flag is cleared in a <c>finally</c>.
/// </summary>
public sealed class BusyAfterFailureTests : ConsoleTestContext
{
    [Fact]
    public async Task The_intake_button_is_usable_again_after_a_submit_that_threw()
    {
        var routes = new RoutedApi()
            .FailsOnce("POST", "api/cases", new InvalidOperationException("The token request failed."))
            .Route("POST", "api/cases", """{ "status": 400, "errors": {} }""", HttpStatusCode.BadRequest);
        Services.AddSingleton(new ConsoleApi(new HttpClient(routes) { BaseAddress = new Uri("http://console.test/") }));
        var page = Render<Intake>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => page.Find("form").SubmitAsync());

        Assert.Null(page.Find("#submit-intake").GetAttribute("disabled"));
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Equal(2, routes.Requests.Count));
    }
}
