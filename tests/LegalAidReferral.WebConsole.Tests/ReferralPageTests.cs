using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;
using ReferralPageComponent = LegalAidReferral.WebConsole.Pages.ReferralPage;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The referral page shows why a declined referral was declined, by its code, in the user's language.</summary>
public sealed class ReferralPageTests : ConsoleTestContext
{
    private const string ReferralId = "0193a5c0-0000-7000-8000-000000000000";

    public ReferralPageTests()
        : base("es")
    {
        var client = new ConsoleApi(new HttpClient(new ReferralApi()) { BaseAddress = new Uri("http://console.test/") });
        Services.AddSingleton(client);
        Services.AddSingleton<ISignInSession>(new Session());
        Services.AddSingleton(new OfficeDirectory(client));
        Services.AddSingleton(TimeProvider.System);
    }

    [Fact]
    public void A_declined_referral_shows_its_decline_code_in_the_status_line_and_on_its_step()
    {
        var page = Render<ReferralPageComponent>(p => p.Add(c => c.ReferralId, ReferralId));

        page.WaitForAssertion(() => Assert.Equal("Conflicto de intereses", page.Find("#decline-reason").TextContent));
        Assert.Contains("Rechazar (mx-ifdp-tapachula-defender): Conflicto de intereses", page.Find("section[aria-labelledby=s-steps]").TextContent, StringComparison.Ordinal);
    }

    private sealed class Session : ISignInSession
    {
        public StaffUser? User { get; } = new("gt-idpp-guatemala-defender", "Defender", "gt-idpp-guatemala", [RoleNames.Defender]);

        public event Action? Changed;

        public Task RestoreAsync()
        {
            Changed?.Invoke();
            return Task.CompletedTask;
        }

        public Task<string?> AccessTokenAsync() => Task.FromResult<string?>("token");

        public Task SignOutAsync() => Task.CompletedTask;
    }

    /// <summary>The outgoing copy of a referral Tapachula declined, an empty thread, the two offices; no protocol settings (404).</summary>
    private sealed class ReferralApi : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath.TrimStart('/');
            return path switch
            {
                $"api/referrals/{ReferralId}" => Json(HttpStatusCode.OK, Referral()),
                $"api/referrals/{ReferralId}/messages" => Json(HttpStatusCode.OK, new JsonObject { ["items"] = new JsonArray(), ["continuationToken"] = null }),
                "api/offices" => Json(HttpStatusCode.OK, new JsonObject { ["items"] = new JsonArray(Office("gt-idpp-guatemala", "GT"), Office("mx-ifdp-tapachula", "MX")), ["continuationToken"] = null }),
                _ => Json(HttpStatusCode.NotFound, new JsonObject { ["status"] = 404, ["title"] = "Not found" }),
            };
        }

        private static JsonObject Referral() => new()
        {
            ["id"] = ReferralId, ["direction"] = "outgoing", ["caseId"] = "0193a5b9-1111-7000-8000-000000000000",
            ["fromOfficeId"] = "gt-idpp-guatemala", ["toOfficeId"] = "mx-ifdp-tapachula", ["kind"] = "representation", ["kindDescription"] = null,
            ["priority"] = "normal", ["reason"] = "Moved", ["sharedFields"] = new JsonArray("client.fullName"), ["shared"] = null, ["documentIds"] = new JsonArray(),
            ["status"] = "declined", ["assignedDefenderId"] = null, ["outcome"] = null,
            ["steps"] = new JsonArray(
                Step("send", "sending-office", null, "sent", "gt-idpp-guatemala-defender", null),
                Step("decline", "receiving-office", "sent", "declined", "mx-ifdp-tapachula-defender", "conflict-of-interest")),
            ["deadlines"] = new JsonArray(), ["allowedActions"] = new JsonArray("close"),
            ["createdAt"] = "2026-12-01T15:00:00Z", ["updatedAt"] = "2026-12-02T15:00:00Z", ["version"] = 2,
        };

        private static JsonObject Step(string action, string side, string? from, string to, string by, string? reasonCode) => new()
        {
            ["id"] = Guid.NewGuid().ToString(), ["action"] = action, ["side"] = side, ["from"] = from, ["to"] = to, ["at"] = "2026-12-02T15:00:00Z",
            ["by"] = by, ["note"] = null, ["reason"] = null, ["reasonCode"] = reasonCode,
        };

        private static JsonObject Office(string id, string country) => new()
        {
            ["id"] = id, ["name"] = id, ["institution"] = "Defensa", ["country"] = country, ["locality"] = id, ["timeZone"] = "UTC",
            ["languages"] = new JsonArray("es"), ["mandate"] = new JsonArray(), ["acceptsCrossBorderReferrals"] = true, ["demoUnit"] = false, ["policy"] = null,
        };

        private static Task<HttpResponseMessage> Json(HttpStatusCode status, JsonNode body) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, status == HttpStatusCode.OK ? "application/json" : "application/problem+json") });
    }
}
