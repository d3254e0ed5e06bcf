using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>Who the home page is for: case workers see their queue; a regional reviewer is taken to the review page.</summary>
public sealed class WorkQueueLandingTests : ConsoleTestContext
{
    private readonly RoutedApi _api = new();

    private void SignIn(StaffUser user)
    {
        var client = new ConsoleApi(new HttpClient(_api) { BaseAddress = new Uri("http://console.test/") });
        Services.AddSingleton(client);
        Services.AddSingleton<ISignInSession>(new StaticSession(user));
        Services.AddSingleton(new OfficeDirectory(client));
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_regional_reviewer_opening_the_home_page_is_taken_to_the_review_page()
    {
        SignIn(new StaffUser("aidef-reviewer", "Reviewer", "aidef-network", [RoleNames.RegionalReviewer]));

        Render<WorkQueue>();

        Assert.EndsWith("/review", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_defender_opening_the_home_page_stays_on_the_work_queue()
    {
        SignIn(new StaffUser("gt-idpp-guatemala-defender", "Defender", "gt-idpp-guatemala", [RoleNames.Defender]));
        _api.Route("GET", "api/alerts", """{ "items": [], "continuationToken": null }""");
        _api.Route("GET", "api/referrals", """{ "items": [], "continuationToken": null }""");
        _api.Route("GET", "api/cases", """{ "items": [], "continuationToken": null }""");

        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#q-alerts")));
        Assert.False(Services.GetRequiredService<NavigationManager>().Uri.EndsWith("/review", StringComparison.Ordinal));
    }
}
