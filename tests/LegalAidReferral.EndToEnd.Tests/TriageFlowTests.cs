using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

public class TriageFlowTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Detained_client_with_a_close_hearing_is_eligible_and_critical_then_referred_after_moving_abroad()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var supervisor = await fixture.SignInAsync(Samples.GuatemalaSupervisor);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var intake = Samples.Intake("Triage Ficticio Ordóñez");
        intake["legalIssues"] = new JsonArray(new JsonObject { ["type"] = "detention" });
        intake["keyDates"] = new JsonObject
        {
            ["detentionDate"] = today.AddDays(-3).ToString("yyyy-MM-dd"),
            ["hearingDate"] = today.AddDays(3).ToString("yyyy-MM-dd"),
        };
        var id = (await defender.CreateCaseAsync(intake))["id"]!.GetValue<string>();

        // Before the conflict check, triage cannot say yes: it asks for the check.
        var early = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/triage"));
        Assert.Equal("needs-information", early["decision"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/conflict-check")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await defender.SendAsync(HttpMethod.Put, $"/api/cases/{id}/conflict-check/outcome", new { outcome = "none" })).StatusCode);
        var afterOutcome = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Get, $"/api/cases/{id}"));
        Assert.True(afterOutcome["triage"]!["stale"]!.GetValue<bool>());

        var spanish = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/triage", headers: new Dictionary<string, string> { ["Accept-Language"] = "es-GT, en;q=0.5" });
        var english = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/triage", headers: new Dictionary<string, string> { ["Accept-Language"] = "en" });
        var result = await ApiSession.ReadObjectAsync(spanish);
        var inEnglish = await ApiSession.ReadObjectAsync(english);

        Assert.Equal("es", spanish.Content.Headers.ContentLanguage.Single());
        Assert.Equal("eligible", result["decision"]!.GetValue<string>());
        Assert.Equal("critical", result["priority"]!.GetValue<string>());
        Assert.All(result["criteria"]!.AsArray(), c => Assert.NotEqual("failed", c!["status"]!.GetValue<string>()));
        Assert.Equal(Samples.GuatemalaOffice, result["policy"]!["officeId"]!.GetValue<string>());
        Assert.NotEqual(
            result["criteria"]![0]!["explanation"]!.GetValue<string>(),
            inEnglish["criteria"]![0]!["explanation"]!.GetValue<string>());
        var triaged = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Get, $"/api/cases/{id}"));
        Assert.Equal("triaged", triaged["status"]!.GetValue<string>());
        Assert.Equal("critical", triaged["priority"]!.GetValue<string>());

        // The client moves to Tapachula: the result is stale, and triage then refers to Mexico.
        var read = await defender.SendAsync(HttpMethod.Get, $"/api/cases/{id}");
        var moved = new StringContent("""{ "client": { "currentLocation": { "country": "MX", "locality": "Tapachula" } } }""", Encoding.UTF8, "application/merge-patch+json");
        var patched = await ApiSession.ReadObjectAsync(await defender.SendAsync(
            HttpMethod.Patch, $"/api/cases/{id}", moved, new Dictionary<string, string> { ["If-Match"] = read.Headers.ETag!.ToString() }));
        Assert.True(patched["triage"]!["stale"]!.GetValue<bool>());
        var referred = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/triage"));
        Assert.Equal("refer", referred["decision"]!.GetValue<string>());
        Assert.False(referred["stale"]!.GetValue<bool>());
        var recommended = referred["recommendedOfficeIds"]!.AsArray().Select(o => o!.GetValue<string>()).ToArray();
        Assert.NotEmpty(recommended);
        Assert.All(recommended, o => Assert.StartsWith("mx-", o));

        // A defender may not override; a supervisor may, and the evaluated result stays.
        var denied = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/triage/override", new { decision = "eligible", reason = "Client returns next week" });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var overridden = await ApiSession.ReadObjectAsync(await supervisor.SendAsync(
            HttpMethod.Post, $"/api/cases/{id}/triage/override", new { decision = "eligible", priority = "high", reason = "Client returns next week" }));
        Assert.Equal("refer", overridden["decision"]!.GetValue<string>());
        Assert.Equal("eligible", overridden["effectiveDecision"]!.GetValue<string>());
        Assert.Equal("high", overridden["effectivePriority"]!.GetValue<string>());
        Assert.Equal(Samples.GuatemalaSupervisor, overridden["override"]!["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task Override_with_a_null_priority_keeps_the_evaluated_priority_as_the_document_says()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var supervisor = await fixture.SignInAsync(Samples.GuatemalaSupervisor);
        var id = (await defender.CreateCaseAsync(Samples.Intake("Override Ficticio Nulo")))["id"]!.GetValue<string>();
        var evaluated = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/triage"));

        var response = await supervisor.SendAsync(
            HttpMethod.Post, $"/api/cases/{id}/triage/override", """{ "decision": "eligible", "priority": null, "reason": "Seen the file" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overridden = await ApiSession.ReadObjectAsync(response);
        Assert.Equal(evaluated["priority"]!.GetValue<string>(), overridden["override"]!["priority"]!.GetValue<string>());
    }
}
