using System.Net;
using System.Text.Json.Nodes;
using static LegalAidReferral.EndToEnd.Tests.Referrals;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>
/// What the referral routes refuse, and the endings of a referral (decline, revoke), through the
/// standalone host; the whole flow is in <see cref="ReferralFlowTests"/>.
/// </summary>
public class ReferralTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string SantiagoDefender = "cl-dpp-santiago-defender";

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
    public async Task A_send_retried_with_its_Idempotency_Key_is_replayed_and_sends_nothing_twice()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var caseId = await CaseWithConsentAsync(guatemala);
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var body = ApiSession.ToJson(Referral());

        var first = await guatemala.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/referrals", body, key);
        var retry = await guatemala.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/referrals", body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var outgoing = await guatemala.SendAsync(HttpMethod.Get, "/api/referrals?direction=outgoing&limit=100");
        var listed = (await ApiSession.ReadObjectAsync(outgoing))["items"]!.AsArray().Count(r => r!["caseId"]!.GetValue<string>() == caseId);
        Assert.Equal(1, listed);
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
    public async Task Tapachula_declines_with_a_reason_code_and_Guatemala_sees_the_code_and_the_reason()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var tapachula = await fixture.SignInAsync(Samples.TapachulaDefender);
        var id = await SentAndReceivedAsync(guatemala, tapachula);
        Assert.Equal(HttpStatusCode.OK, (await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/acknowledge")).StatusCode);

        var withoutCode = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/decline", new { reason = "No capacity this month" });
        var otherWithoutReason = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/decline", new { reasonCode = "other" });
        var declined = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/decline", new { reasonCode = "no-capacity", reason = "No capacity this month" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.StatusCode);
        Assert.Contains("reasonCode", (await ApiSession.ReadObjectAsync(withoutCode))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, otherWithoutReason.StatusCode);
        Assert.Contains("reason", (await ApiSession.ReadObjectAsync(otherWithoutReason))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var outgoing = await CopyInStatusAsync(guatemala, id, "declined");
        var step = outgoing["steps"]!.AsArray()[^1]!;
        Assert.Equal(("No capacity this month", "no-capacity"), (step["reason"]!.GetValue<string>(), step["reasonCode"]!.GetValue<string>()));
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
    public async Task Withdrawing_the_client_s_consent_revokes_the_referral_and_blanks_Tapachula_s_copy_and_its_thread_texts()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var tapachula = await fixture.SignInAsync(Samples.TapachulaDefender);
        var caseId = await CaseWithConsentAsync(guatemala);
        var id = (await SendAsync(guatemala, caseId))["id"]!.GetValue<string>();
        await IncomingAsync(tapachula, id);
        var posted = await guatemala.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/messages", new { text = $"{Samples.ClientName} calls after 18:00" });
        var messageId = (await ApiSession.ReadObjectAsync(posted))["id"]!.GetValue<string>();
        await ThreadMessageAsync(tapachula, id, messageId, "received");
        var consentId = (await ApiSession.ReadObjectAsync(await guatemala.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}")))["consents"]![0]!["id"]!.GetValue<string>();

        var withdrawn = await guatemala.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/consents/{consentId}/withdraw", new { channel = "phone" });

        Assert.True(withdrawn.IsSuccessStatusCode, withdrawn.StatusCode.ToString());
        var outgoing = await CopyInStatusAsync(guatemala, id, "revoked");
        Assert.Equal(("system", "consent-withdrawn"), (outgoing["steps"]!.AsArray()[^1]!["side"]!.GetValue<string>(), outgoing["steps"]!.AsArray()[^1]!["reason"]!.GetValue<string>()));
        var incoming = await CopyInStatusAsync(tapachula, id, "revoked");
        Assert.NotNull(incoming["sharedWithdrawnAt"]?.GetValue<string>());
        Assert.DoesNotContain(Samples.ClientName, incoming.ToJsonString(), StringComparison.Ordinal);
        var blanked = await ThreadMessageAsync(tapachula, id, messageId, "received");
        Assert.Null(blanked["text"]);
        Assert.NotNull(blanked["textWithdrawnAt"]);
        var kept = await ThreadMessageAsync(guatemala, id, messageId, "delivered");
        Assert.Contains(Samples.ClientName, kept["text"]!.GetValue<string>(), StringComparison.Ordinal);
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
    public async Task Alerts_list_the_office_s_open_alerts_and_acknowledging_an_unknown_one_is_404()
    {
        var defender = await fixture.SignInAsync(Samples.TapachulaDefender);

        var alerts = await defender.SendAsync(HttpMethod.Get, "/api/alerts?limit=10");
        var unknown = await defender.SendAsync(HttpMethod.Post, $"/api/alerts/{Guid.NewGuid()}/acknowledge");
        var notAnId = await defender.SendAsync(HttpMethod.Post, "/api/alerts/not-an-id/acknowledge");

        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        Assert.NotNull((await ApiSession.ReadObjectAsync(alerts))["items"]);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, notAnId.StatusCode));
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
}
