using System.Net;
using static LegalAidReferral.EndToEnd.Tests.Referrals;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>
/// Referrals between Guatemala City and Tapachula through the standalone host: every step travels
/// through the outbox and the in-process exchange, as it would between two deployments. The refusals
/// are in <see cref="ReferralTests"/>, on a host of their own, so the two classes wait for the relay
/// side by side.
/// </summary>
public class ReferralFlowTests(HostFixture fixture) : IClassFixture<HostFixture>
{
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
}
