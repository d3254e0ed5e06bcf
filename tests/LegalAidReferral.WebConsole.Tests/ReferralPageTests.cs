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

/// <summary>
/// The referral page shows why a declined referral was declined, by its code, in the user's language; a
/// refresh that fails keeps the referral under the error, and a double click on it reads once.
/// </summary>
public sealed class ReferralPageTests : ConsoleTestContext
{
    private const string ReferralId = "0193a5c0-0000-7000-8000-000000000000";

    private readonly ReferralApi _api = new();

    public ReferralPageTests()
        : base("es")
    {
        var client = new ConsoleApi(new HttpClient(_api) { BaseAddress = new Uri("http://console.test/") });
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
    [Fact]
    public void A_refresh_that_could_not_reach_the_api_keeps_the_referral_and_shows_the_error_over_it()
    {
        var page = Render<ReferralPageComponent>(p => p.Add(c => c.ReferralId, ReferralId));
        page.WaitForElement("#referral-status");
        _api.UnreachableOnce = true;

        page.Find("#referral-refresh").Click();

        page.WaitForAssertion(() => Assert.Contains("No se pudo contactar", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Rechazada", page.Find("#referral-status").TextContent);
    }

    [Fact]
    public void A_double_click_on_refresh_reads_the_referral_once()
    {
        var page = Render<ReferralPageComponent>(p => p.Add(c => c.ReferralId, ReferralId));
        page.WaitForElement("#referral-status");
        var answer = new TaskCompletionSource();
        _api.Hold = answer.Task;

        DoubleClick.WhileOnItsWay(page, () => page.Find("#referral-refresh"), answer);

        page.WaitForAssertion(() => Assert.Null(page.Find("#referral-refresh").GetAttribute("disabled")));
        Assert.Equal(2, _api.Reads);
    }

    private sealed class ReferralApi : HttpMessageHandler
    {
        /// <summary>How many times the referral was read.</summary>
        public int Reads { get; private set; }

        /// <summary>The next read of the referral fails as an unreachable network does.</summary>
        public bool UnreachableOnce { get; set; }

        /// <summary>Holds back the answers to reads of the referral until it ends.</summary>
        public Task Hold { get; set; } = Task.CompletedTask;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath.TrimStart('/');
            if (path == $"api/referrals/{ReferralId}")
            {
                Reads++;
                if (UnreachableOnce)
                {
                    UnreachableOnce = false;
                    throw new HttpRequestException("The network is unreachable.");
                }

                await Hold;
            }

            return await Answer(path);
        }

        private static Task<HttpResponseMessage> Answer(string path)
        {
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
