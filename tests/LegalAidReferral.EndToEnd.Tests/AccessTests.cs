using System.Net;
using LegalAidReferral.Functions;
using LegalAidReferral.Standalone.DevSignIn;
using LegalAidReferral.Standalone.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.EndToEnd.Tests;

public class AccessTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    // Routes without an Entra ID token: messages is authenticated by the Bot Connector's token instead (ChatProtocolTests).
    private static readonly string[] AnonymousRoutes = ["health", "openapi.json", "messages"];

    private const string UnknownReferral = "0193a5c0-0000-7000-8000-000000000000";

    // Every authenticated route, with a request that would succeed for the right caller (the referral
    // routes name a referral no office holds: these tests look at the caller, not at referrals).
    // Case routes are office-scoped (another office gets 404) and need a defender or supervisor.
    private static readonly (string Route, HttpMethod Method, string Path, Func<object?> Body, bool CaseScoped)[] Routes =
    [
        ("cases", HttpMethod.Post, "/api/cases", () => Samples.Intake(), false),
        ("cases", HttpMethod.Get, "/api/cases", () => null, false),
        ("cases/search", HttpMethod.Post, "/api/cases/search", () => new { q = "ficticia" }, false),
        ("cases/{caseId}", HttpMethod.Get, "/api/cases/{caseId}", () => null, true),
        ("cases/{caseId}", HttpMethod.Patch, "/api/cases/{caseId}", () => new { vulnerabilityNotes = "note" }, true),
        ("cases/{caseId}/status", HttpMethod.Post, "/api/cases/{caseId}/status", () => new { to = "triaged" }, true),
        ("cases/{caseId}/consents", HttpMethod.Post, "/api/cases/{caseId}/consents", () => Samples.Consent(), true),
        ("cases/{caseId}/consents/{consentId}/withdraw", HttpMethod.Post, "/api/cases/{caseId}/consents/{consentId}/withdraw", () => new { }, true),
        ("cases/{caseId}/history", HttpMethod.Get, "/api/cases/{caseId}/history", () => null, true),
        ("cases/{caseId}/conflict-check", HttpMethod.Post, "/api/cases/{caseId}/conflict-check", () => null, true),
        ("cases/{caseId}/conflict-check/outcome", HttpMethod.Put, "/api/cases/{caseId}/conflict-check/outcome", () => new { outcome = "none" }, true),
        ("cases/{caseId}/triage", HttpMethod.Post, "/api/cases/{caseId}/triage", () => new { }, true),
        ("cases/{caseId}/triage/override", HttpMethod.Post, "/api/cases/{caseId}/triage/override", () => new { decision = "eligible", reason = "Reviewed" }, true),
        ("offices", HttpMethod.Get, "/api/offices", () => null, false),
        ("offices/{officeId}", HttpMethod.Get, "/api/offices/gt-idpp-guatemala", () => null, false),
        ("offices/{officeId}/policy", HttpMethod.Put, "/api/offices/gt-idpp-guatemala/policy", () => Samples.Policy(), false),
        ("offices/{officeId}/protocol", HttpMethod.Get, "/api/offices/gt-idpp-guatemala/protocol", () => null, false),
        ("offices/{officeId}/protocol", HttpMethod.Put, "/api/offices/gt-idpp-guatemala/protocol", () => Samples.Protocol(), false),
        ("cases/{caseId}/referrals", HttpMethod.Post, "/api/cases/{caseId}/referrals",
            () => new { toOfficeId = "cl-dpp-santiago", kind = "representation", reason = "Moved", sharedFields = new[] { "client.fullName" } }, true),
        ("referrals", HttpMethod.Get, "/api/referrals?direction=incoming", () => null, false),
        ("referrals/{referralId}", HttpMethod.Get, $"/api/referrals/{UnknownReferral}", () => null, false),
        ("referrals/{referralId}/{action}", HttpMethod.Post, $"/api/referrals/{UnknownReferral}/acknowledge", () => null, false),
        ("referrals/{referralId}/messages", HttpMethod.Post, $"/api/referrals/{UnknownReferral}/messages", () => new { text = "Hello" }, false),
        ("referrals/{referralId}/messages", HttpMethod.Get, $"/api/referrals/{UnknownReferral}/messages", () => null, false),
        ("alerts", HttpMethod.Get, "/api/alerts", () => null, false),
        ("alerts/{alertId}/acknowledge", HttpMethod.Post, $"/api/alerts/{UnknownReferral}/acknowledge", () => null, false),
        ("cases/{caseId}/documents", HttpMethod.Post, "/api/cases/{caseId}/documents", () => Samples.DocumentUpload(), true),
        ("cases/{caseId}/documents", HttpMethod.Get, "/api/cases/{caseId}/documents", () => null, true),
        ("cases/{caseId}/documents/{documentId}", HttpMethod.Get, $"/api/cases/{{caseId}}/documents/{UnknownReferral}", () => null, true),
        ("referrals/{referralId}/documents/{documentId}", HttpMethod.Get, $"/api/referrals/{UnknownReferral}/documents/{UnknownReferral}", () => null, false),
        ("cases/{caseId}/chat/messages", HttpMethod.Get, "/api/cases/{caseId}/chat/messages", () => null, true),
        ("cases/{caseId}/chat/messages", HttpMethod.Post, "/api/cases/{caseId}/chat/messages", () => new { text = "Hello" }, true),
        ("cases/{caseId}/chat/handoff/close", HttpMethod.Post, "/api/cases/{caseId}/chat/handoff/close", () => null, true),
        ("review/adherence", HttpMethod.Get, "/api/review/adherence", () => null, false),
        ("review/adherence.csv", HttpMethod.Get, "/api/review/adherence.csv", () => null, false),
        ("review/events", HttpMethod.Get, "/api/review/events", () => null, false),
    ];

    [Fact]
    public void Every_authenticated_route_is_in_the_access_matrix()
    {
        var served = FunctionRoute.Discover(typeof(ServiceRegistration).Assembly)
            .Where(r => !AnonymousRoutes.Contains(r.Route))
            .SelectMany(r => r.HttpMethods.Select(m => $"{m} {r.Route}"))
            .Order();

        Assert.Equal(served, Routes.Select(r => $"{r.Method.Method} {r.Route}").Order());
    }

    [Fact]
    public async Task No_token_is_401_on_every_authenticated_route()
    {
        var target = await CaseWithConsentAsync();
        var anonymous = ApiSession.Anonymous(fixture.Host.CreateClient());

        foreach (var route in Routes)
        {
            var response = await SendAsync(anonymous, route, target);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Path}: {response.StatusCode}");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task Expired_or_forged_token_is_401_on_every_authenticated_route()
    {
        var target = await CaseWithConsentAsync();
        var user = new DemoUsers([Samples.GuatemalaOffice]).Find(Samples.GuatemalaDefender)!;
        var settings = new DevIssuerSettings(fixture.DataFolder, StandaloneSettings.DevClientId, "00000000-0000-0000-0000-000000000000", "officeId");
        var expired = new DevIssuer(settings, new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-10))).IssueToken(user, TimeSpan.FromHours(1));
        using var otherKey = new TempFolder();
        var forged = new DevIssuer(settings with { DataFolder = otherKey.Path }, TimeProvider.System).IssueToken(user, TimeSpan.FromHours(1));

        foreach (var token in new[] { expired, forged })
        {
            var session = ApiSession.WithToken(fixture.Host.CreateClient(), token);
            foreach (var route in Routes)
            {
                var response = await SendAsync(session, route, target);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Path}: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Another_office_gets_404_for_every_route_of_a_case()
    {
        var target = await CaseWithConsentAsync();

        // A supervisor holds every case role, so no route can answer 403 before looking for the case.
        var stranger = await fixture.SignInAsync(Samples.TapachulaSupervisor);

        foreach (var route in Routes.Where(r => r.CaseScoped))
        {
            var response = await SendAsync(stranger, route, target);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route.Method} {route.Path}: {response.StatusCode}");
        }

        var list = await ApiSession.ReadObjectAsync(await stranger.SendAsync(HttpMethod.Get, "/api/cases?limit=100"));
        Assert.DoesNotContain(list["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == target.CaseId);
    }

    [Theory]
    [InlineData(Samples.GuatemalaAdmin)]
    [InlineData(Samples.Reviewer)]
    public async Task Roles_without_case_work_get_403_on_every_case_route(string userId)
    {
        var target = await CaseWithConsentAsync();
        var session = await fixture.SignInAsync(userId);

        foreach (var route in Routes.Where(r => r.Route.StartsWith("cases", StringComparison.Ordinal)))
        {
            var response = await SendAsync(session, route, target);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Method} {route.Path}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(Samples.GuatemalaDefender)]
    [InlineData(Samples.GuatemalaSupervisor)]
    [InlineData(Samples.GuatemalaAdmin)]
    [InlineData(Samples.Reviewer)]
    public async Task Only_a_regional_reviewer_reaches_the_review_routes(string userId)
    {
        var session = await fixture.SignInAsync(userId);
        var expected = userId == Samples.Reviewer ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        foreach (var route in Routes.Where(r => r.Route.StartsWith("review/", StringComparison.Ordinal)))
        {
            var response = await SendAsync(session, route, default);
            Assert.True(response.StatusCode == expected, $"{route.Method} {route.Path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_regional_reviewer_reaches_no_case_referral_or_alert_route()
    {
        var target = await CaseWithConsentAsync();
        var reviewer = await fixture.SignInAsync(Samples.Reviewer);

        foreach (var route in Routes.Where(r => r.Route.Split('/')[0] is "cases" or "referrals" or "alerts"))
        {
            var response = await SendAsync(reviewer, route, target);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Method} {route.Path}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(Samples.GuatemalaAdmin)]
    [InlineData(Samples.Reviewer)]
    [InlineData(Samples.TapachulaDefender)]
    public async Task Every_role_reads_the_office_directory(string userId)
    {
        var session = await fixture.SignInAsync(userId);

        foreach (var route in Routes.Where(r => r.Route.StartsWith("offices", StringComparison.Ordinal) && r.Method == HttpMethod.Get))
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(session, route, default)).StatusCode);
        }
    }

    [Theory]
    [InlineData(Samples.GuatemalaAdmin, HttpStatusCode.OK)]
    [InlineData(Samples.TapachulaAdmin, HttpStatusCode.Forbidden)]
    [InlineData(Samples.GuatemalaDefender, HttpStatusCode.Forbidden)]
    [InlineData(Samples.GuatemalaSupervisor, HttpStatusCode.Forbidden)]
    [InlineData(Samples.Reviewer, HttpStatusCode.Forbidden)]
    public async Task Only_the_office_admin_of_that_office_changes_its_policy(string userId, HttpStatusCode expected)
    {
        var session = await fixture.SignInAsync(userId);

        var response = await session.SendAsync(HttpMethod.Put, $"/api/offices/{Samples.GuatemalaOffice}/policy", Samples.Policy());

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Samples.GuatemalaDefender, HttpStatusCode.Forbidden)]
    [InlineData(Samples.GuatemalaSupervisor, HttpStatusCode.OK)]
    public async Task Only_a_supervisor_overrides_a_triage_result(string userId, HttpStatusCode expected)
    {
        var target = await CaseWithConsentAsync();
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        Assert.Equal(HttpStatusCode.OK, (await defender.SendAsync(HttpMethod.Post, $"/api/cases/{target.CaseId}/triage")).StatusCode);
        var session = await fixture.SignInAsync(userId);

        var response = await session.SendAsync(
            HttpMethod.Post, $"/api/cases/{target.CaseId}/triage/override", new { decision = "eligible", reason = "Seen the client's file" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Samples.GuatemalaDefender, "PUT", "/api/offices/gt-idpp-guatemala/policy", "{\"criteria\":5}")]
    [InlineData(Samples.TapachulaAdmin, "PUT", "/api/offices/gt-idpp-guatemala/policy", "{\"criteria\":")]
    [InlineData(Samples.GuatemalaSupervisor, "PUT", "/api/offices/gt-idpp-guatemala/protocol", "{\"weekend\":5}")]
    [InlineData(Samples.TapachulaAdmin, "PUT", "/api/offices/gt-idpp-guatemala/protocol", "{\"weekend\":")]
    [InlineData(Samples.GuatemalaAdmin, "POST", "/api/cases", "{\"client\":5}")]
    [InlineData(Samples.Reviewer, "POST", "/api/cases/search", "{\"q\":5}")]
    [InlineData(Samples.GuatemalaAdmin, "POST", "/api/cases/{caseId}/status", "{\"to\":")]
    [InlineData(Samples.GuatemalaDefender, "POST", "/api/cases/{caseId}/triage/override", "{\"decision\":[]}")]
    public async Task The_caller_is_checked_before_the_body_is_read(string userId, string method, string path, string body)
    {
        var target = await CaseWithConsentAsync();
        var session = await fixture.SignInAsync(userId);

        var response = await session.SendAsync(new HttpMethod(method), path.Replace("{caseId}", target.CaseId, StringComparison.Ordinal), body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(string CaseId, string ConsentId)> CaseWithConsentAsync()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var created = await defender.CreateCaseAsync();
        var caseId = created["id"]!.GetValue<string>();
        var consent = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/consents", Samples.Consent()));
        return (caseId, consent["id"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> SendAsync(
        ApiSession session, (string Route, HttpMethod Method, string Path, Func<object?> Body, bool CaseScoped) route, (string CaseId, string ConsentId) target)
    {
        var path = route.Path.Replace("{caseId}", target.CaseId, StringComparison.Ordinal).Replace("{consentId}", target.ConsentId, StringComparison.Ordinal);
        var headers = route.Method == HttpMethod.Patch ? new Dictionary<string, string> { ["If-Match"] = "\"1\"" } : null;
        return session.SendAsync(route.Method, path, route.Body(), headers);
    }
}
