using System.Net;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>
/// Referrals between Guatemala City and Tapachula through the standalone host: every step travels
/// through the outbox and the in-process exchange, as it would between two deployments.
/// </summary>
public class ReferralTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string SantiagoDefender = "cl-dpp-santiago-defender";

    /// <summary>
    /// The host relays the outbox on a timer every five seconds, so a step reaches the other office's
    /// copy some time after it was taken; the test cannot see the timer, only its effect. Six runs of
    /// the timer are ample on a busy machine.
    /// </summary>
    private static readonly TimeSpan RelayDeadline = TimeSpan.FromSeconds(30);

    private static readonly string[] Shared = ["client.fullName", "client.languages", "legalIssues"];

    [Fact]
    public async Task Tapachula_takes_every_step_of_a_referral_from_Guatemala_which_sees_each_step_and_the_case_ends_referred_out()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var defender = await fixture.SignInAsync(Samples.TapachulaDefender);
        var supervisor = await fixture.SignInAsync(Samples.TapachulaSupervisor);
        var caseId = await CaseWithConsentAsync(guatemala);

        var sent = await SendAsync(guatemala, caseId);
        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        Assert.Equal("outgoing", sent["direction"]!.GetValue<string>());
        var id = sent["id"]!.GetValue<string>();
        await IncomingAsync(defender, id);

        foreach (var (actor, action, body, status) in new (ApiSession, string, object?, string)[]
        {
            (defender, "acknowledge", null, "acknowledged"),
            (defender, "accept", new { note = "We take the case" }, "accepted"),
            (supervisor, "assign", new { defenderId = Samples.TapachulaDefender }, "assigned"),
            (defender, "first-contact", null, "in-progress"),
            (defender, "outcome", new { successful = true }, "completed"),
        })
        {
            var acted = await actor.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/{action}", body);
            Assert.Equal(HttpStatusCode.OK, acted.StatusCode);
            Assert.Equal(status, (await ApiSession.ReadObjectAsync(acted))["status"]!.GetValue<string>());
            var outgoing = await CopyInStatusAsync(guatemala, id, status);
            Assert.Equal(action, outgoing["steps"]!.AsArray()[^1]!["action"]!.GetValue<string>());
        }

        var final = await CopyInStatusAsync(guatemala, id, "completed");
        Assert.Equal(Samples.TapachulaDefender, final["assignedDefenderId"]!.GetValue<string>());
        Assert.True(final["outcome"]!["successful"]!.GetValue<bool>());
        var @case = await ApiSession.ReadObjectAsync(await guatemala.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}"));
        Assert.Equal("referred-out", @case["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_received_copy_holds_only_the_listed_fields_and_no_case_id()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var tapachula = await fixture.SignInAsync(Samples.TapachulaDefender);
        var sent = await SendAsync(guatemala, await CaseWithConsentAsync(guatemala));

        var incoming = await IncomingAsync(tapachula, sent["id"]!.GetValue<string>());

        Assert.Null(incoming["caseId"]);
        Assert.Null(sent["shared"]);
        var shared = incoming["shared"]!.AsObject();
        Assert.Equal(["client", "legalIssues"], shared.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["fullName", "languages"], shared["client"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Samples.ClientName, shared["client"]!["fullName"]!.GetValue<string>());
        var json = incoming.ToJsonString();
        Assert.DoesNotContain(Samples.BirthDate, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.DocumentNumber, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_consent_to_share_with_the_office_the_referral_is_409_naming_the_missing_consent()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var caseId = (await guatemala.CreateCaseAsync())["id"]!.GetValue<string>();

        var refused = await guatemala.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/referrals", Referral());

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await ApiSession.ReadObjectAsync(refused);
        Assert.EndsWith("/consent-required", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"share-with-office:{Samples.TapachulaOffice}", problem["errors"]!["consent"]![0]!.GetValue<string>());
        var outgoing = await guatemala.SendAsync(HttpMethod.Get, "/api/referrals?direction=outgoing&limit=100");
        Assert.DoesNotContain(caseId, await outgoing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_overrides_the_consent_gate_with_a_reason_and_the_referral_is_flagged_while_a_defender_may_not()
    {
        var supervisor = await fixture.SignInAsync(Samples.GuatemalaSupervisor);
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var caseId = (await defender.CreateCaseAsync())["id"]!.GetValue<string>();
        var body = Referral();
        body["consentOverride"] = new JsonObject { ["reason"] = "Client detained incommunicado; hearing tomorrow" };

        var byDefender = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/referrals", body);
        var bySupervisor = await supervisor.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/referrals", body);

        Assert.Equal(HttpStatusCode.Forbidden, byDefender.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bySupervisor.StatusCode);
        var consent = (await ApiSession.ReadObjectAsync(bySupervisor))["consent"]!;
        Assert.True(consent["overridden"]!.GetValue<bool>());
        Assert.Null(consent["consentId"]);
        Assert.Equal(Samples.GuatemalaSupervisor, consent["override"]!["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tapachula_declines_with_a_reason_and_Guatemala_sees_the_reason()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var tapachula = await fixture.SignInAsync(Samples.TapachulaDefender);
        var id = await SentAndReceivedAsync(guatemala, tapachula);
        Assert.Equal(HttpStatusCode.OK, (await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/acknowledge")).StatusCode);

        var declined = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/decline", new { reason = "No capacity this month" });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var outgoing = await CopyInStatusAsync(guatemala, id, "declined");
        Assert.Equal("No capacity this month", outgoing["steps"]!.AsArray()[^1]!["reason"]!.GetValue<string>());
        Assert.Contains("close", outgoing["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task Guatemala_revokes_and_Tapachula_sees_the_referral_revoked()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var tapachula = await fixture.SignInAsync(Samples.TapachulaDefender);
        var id = await SentAndReceivedAsync(guatemala, tapachula);

        var revoked = await guatemala.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/revoke", new { reason = "The client found a private lawyer" });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var incoming = await CopyInStatusAsync(tapachula, id, "revoked");
        Assert.Empty(incoming["allowedActions"]!.AsArray());
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/acknowledge")).StatusCode);
    }

    [Fact]
    public async Task A_third_office_cannot_see_or_act_on_the_referral()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var santiago = await fixture.SignInAsync(SantiagoDefender);
        var id = await SentAndReceivedAsync(guatemala, await fixture.SignInAsync(Samples.TapachulaDefender));

        var read = await santiago.SendAsync(HttpMethod.Get, $"/api/referrals/{id}");
        var acted = await santiago.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/acknowledge");
        var listed = await santiago.SendAsync(HttpMethod.Get, "/api/referrals?direction=incoming&limit=100");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, acted.StatusCode);
        Assert.DoesNotContain(id, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_action_is_400_naming_the_action()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var id = (await SendAsync(guatemala, await CaseWithConsentAsync(guatemala)))["id"]!.GetValue<string>();

        var response = await guatemala.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/archive");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ApiSession.ReadObjectAsync(response))["errors"]!["action"]);
    }

    [Fact]
    public async Task A_defender_may_not_assign_and_a_stale_If_Match_is_412_and_neither_changes_the_copy()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var tapachula = await fixture.SignInAsync(Samples.TapachulaDefender);
        var id = await SentAndReceivedAsync(guatemala, tapachula);
        var read = await tapachula.SendAsync(HttpMethod.Get, $"/api/referrals/{id}");
        var etag = read.Headers.ETag!.Tag;
        var acknowledged = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/acknowledge", null, IfMatch(etag));
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/accept")).StatusCode);

        var assign = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/assign", new { defenderId = Samples.TapachulaDefender });
        var stale = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/first-contact", null, IfMatch(acknowledged.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.Forbidden, assign.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var after = await ApiSession.ReadObjectAsync(await tapachula.SendAsync(HttpMethod.Get, $"/api/referrals/{id}"));
        Assert.Equal("accepted", after["status"]!.GetValue<string>());
    }

    private static JsonObject Referral() => new()
    {
        ["toOfficeId"] = Samples.TapachulaOffice,
        ["kind"] = "representation",
        ["reason"] = "The client moved to Tapachula",
        ["sharedFields"] = new JsonArray([.. Shared.Select(f => JsonValue.Create(f))]),
    };

    private static Dictionary<string, string> IfMatch(string etag) => new() { ["If-Match"] = etag };

    private static async Task<string> CaseWithConsentAsync(ApiSession staff)
    {
        var caseId = (await staff.CreateCaseAsync())["id"]!.GetValue<string>();
        var consent = await staff.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/consents", Samples.Consent());
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
        return caseId;
    }

    private static async Task<JsonObject> SendAsync(ApiSession staff, string caseId)
    {
        var response = await staff.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/referrals", Referral());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ApiSession.ReadObjectAsync(response);
    }

    private static async Task<string> SentAndReceivedAsync(ApiSession sender, ApiSession receiver)
    {
        var id = (await SendAsync(sender, await CaseWithConsentAsync(sender)))["id"]!.GetValue<string>();
        await IncomingAsync(receiver, id);
        return id;
    }

    /// <summary>The referral in the receiving office's incoming list, once the relay has delivered it.</summary>
    private static Task<JsonObject> IncomingAsync(ApiSession receiver, string id) =>
        PollAsync($"referral {id} in the incoming list", async () =>
        {
            var page = await ApiSession.ReadObjectAsync(await receiver.SendAsync(HttpMethod.Get, "/api/referrals?direction=incoming&limit=100"));
            return page["items"]!.AsArray().OfType<JsonObject>().FirstOrDefault(r => r["id"]!.GetValue<string>() == id);
        });

    /// <summary>The caller's copy once it has reached <paramref name="status"/> (a step of the other office arrives with the relay).</summary>
    private static Task<JsonObject> CopyInStatusAsync(ApiSession staff, string id, string status) =>
        PollAsync($"referral {id} in status '{status}'", async () =>
        {
            var copy = await ApiSession.ReadObjectAsync(await staff.SendAsync(HttpMethod.Get, $"/api/referrals/{id}"));
            return copy["status"]?.GetValue<string>() == status ? copy : null;
        });

    private static async Task<JsonObject> PollAsync(string what, Func<Task<JsonObject?>> find)
    {
        var deadline = DateTimeOffset.UtcNow + RelayDeadline;
        while (true)
        {
            if (await find() is { } found)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The relay did not deliver {what} within {RelayDeadline.TotalSeconds} s.");
            await Task.Delay(250);
        }
    }
}
