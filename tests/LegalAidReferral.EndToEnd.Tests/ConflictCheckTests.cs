using System.Net;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

public class ConflictCheckTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string AdverseParty = "José Pérez García";

    [Fact]
    public async Task An_office_finds_Jose_Perez_recorded_as_Jose_Perez_Garcia_and_another_office_never_sees_it()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var tapachula = await fixture.SignInAsync(Samples.TapachulaDefender);
        var earlier = await guatemala.CreateCaseAsync(Intake("Rosa Ficticia Alvarado", AdverseParty));
        var elsewhere = await tapachula.CreateCaseAsync(Intake(AdverseParty, "Otra Parte Ficticia"));
        var taken = await guatemala.CreateCaseAsync(Intake("Jose Perez", "Parte Contraria Inventada"));

        var response = await guatemala.SendAsync(HttpMethod.Post, $"/api/cases/{Id(taken)}/conflict-check");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await ApiSession.ReadObjectAsync(response);
        var candidates = report["candidates"]!.AsArray();
        var best = candidates[0]!;
        Assert.Equal(Id(earlier), best["caseId"]!.GetValue<string>());
        Assert.Equal("adverse-party", best["role"]!.GetValue<string>());
        Assert.Equal(AdverseParty, best["name"]!.GetValue<string>());
        Assert.Equal("client", best["matchedRole"]!.GetValue<string>());
        Assert.True(best["score"]!.GetValue<double>() >= 0.8);
        Assert.Contains(best["reasons"]!.AsArray(), r => r!["code"]!.GetValue<string>() == "name-exact" && r["candidate"]!.GetValue<string>() == "perez");
        Assert.DoesNotContain(candidates, c => c!["caseId"]!.GetValue<string>() == Id(elsewhere));

        var own = await ApiSession.ReadObjectAsync(await tapachula.SendAsync(HttpMethod.Post, $"/api/cases/{Id(elsewhere)}/conflict-check"));
        Assert.DoesNotContain(own["candidates"]!.AsArray(), c => c!["caseId"]!.GetValue<string>() == Id(earlier));

        var stored = await ApiSession.ReadObjectAsync(await guatemala.SendAsync(HttpMethod.Get, $"/api/cases/{Id(taken)}"));
        Assert.Equal(Id(earlier), stored["conflictCheck"]!["candidates"]![0]!["caseId"]!.GetValue<string>());
        Assert.Null(stored["conflictCheck"]!["candidates"]![0]!["name"]);

        var history = await ApiSession.ReadObjectAsync(await guatemala.SendAsync(HttpMethod.Get, $"/api/cases/{Id(earlier)}/history?limit=100"));
        Assert.Contains(history["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "conflict-candidate-shown");
    }

    [Fact]
    public async Task Staff_record_the_outcome_with_a_note_after_the_check_and_a_stale_ETag_is_refused()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var taken = await defender.CreateCaseAsync(Intake("Marta Inventada Solís", "Pedro Ficticio Lara"));
        var path = $"/api/cases/{Id(taken)}/conflict-check/outcome";

        var beforeCheck = await defender.SendAsync(HttpMethod.Put, path, new { outcome = "none" });
        Assert.Equal(HttpStatusCode.Conflict, beforeCheck.StatusCode);
        Assert.EndsWith("/invalid-transition", (await ApiSession.ReadObjectAsync(beforeCheck))["type"]!.GetValue<string>());

        var checkedResponse = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{Id(taken)}/conflict-check");
        var etag = checkedResponse.Headers.ETag!.ToString();

        var noNote = await defender.SendAsync(HttpMethod.Put, path, new { outcome = "potential", note = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.NotNull((await ApiSession.ReadObjectAsync(noNote))["errors"]!["note"]);

        var unknown = await defender.SendAsync(HttpMethod.Put, path, new { outcome = "maybe" });
        Assert.NotNull((await ApiSession.ReadObjectAsync(unknown))["errors"]!["outcome"]);

        var recorded = await defender.SendAsync(
            HttpMethod.Put, path, new { outcome = "confirmed", note = "The office represents the adverse party." }, new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var check = await ApiSession.ReadObjectAsync(recorded);
        Assert.Equal("confirmed", check["outcome"]!.GetValue<string>());
        Assert.Equal(Samples.GuatemalaDefender, check["outcomeBy"]!.GetValue<string>());

        var stale = await defender.SendAsync(HttpMethod.Put, path, new { outcome = "none" }, new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var rerun = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, $"/api/cases/{Id(taken)}/conflict-check"));
        Assert.Equal("confirmed", rerun["outcome"]!.GetValue<string>());
        var stored = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Get, $"/api/cases/{Id(taken)}"));
        Assert.Equal("confirmed", stored["conflictCheck"]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parties_stored_before_a_restart_are_found_after_it()
    {
        using var data = new TempFolder();
        await using (var host = await StandaloneProcess.StartAsync(data.Path))
        {
            var defender = await ApiSession.SignInAsync(host.CreateClient(), Samples.GuatemalaDefender);
            await defender.CreateCaseAsync(Intake("Elena Ficticia Barrios", "Joaquim da Silva Gonçalves"));
        }

        await using var restarted = await StandaloneProcess.StartAsync(data.Path);
        var again = await ApiSession.SignInAsync(restarted.CreateClient(), Samples.GuatemalaDefender);
        var taken = await again.CreateCaseAsync(Intake("Joaquin Dasilva Goncalves", "Nadie Inventado"));

        var report = await ApiSession.ReadObjectAsync(await again.SendAsync(HttpMethod.Post, $"/api/cases/{Id(taken)}/conflict-check"));

        Assert.Contains(report["candidates"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "Joaquim da Silva Gonçalves");
    }

    private static string Id(JsonObject created) => created["id"]!.GetValue<string>();

    private static JsonObject Intake(string client, string adverseParty)
    {
        var intake = Samples.Intake(client);
        intake["client"]!["identityDocuments"] = new JsonArray();
        intake["client"]!["aliases"] = new JsonArray();
        intake["adverseParties"] = new JsonArray(new JsonObject { ["name"] = adverseParty, ["aliases"] = new JsonArray() });
        return intake;
    }
}
