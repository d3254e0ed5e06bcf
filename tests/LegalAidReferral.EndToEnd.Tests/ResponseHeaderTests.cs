using System.Net.Http.Headers;

namespace LegalAidReferral.EndToEnd.Tests;

public class ResponseHeaderTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Responses_with_personal_data_are_not_stored_and_no_response_is_sniffed_or_names_the_server()
    {
        var http = fixture.Host.CreateClient();
        var token = await http.PostAsync("/dev/token", new StringContent($$"""{"userId":"{{Samples.GuatemalaDefender}}"}""", new MediaTypeHeaderValue("application/json")));
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var intake = await defender.SendAsync(HttpMethod.Post, "/api/cases", Samples.Intake());
        var caseUrl = intake.Headers.Location!.ToString();
        var personal = new Dictionary<string, HttpResponseMessage>
        {
            ["/dev/token"] = token,
            ["/dev/users"] = await http.GetAsync("/dev/users"),
            ["intake"] = intake,
            ["case"] = await defender.SendAsync(HttpMethod.Get, caseUrl),
            ["list"] = await defender.SendAsync(HttpMethod.Get, "/api/cases?q=Mariela"),
            ["history"] = await defender.SendAsync(HttpMethod.Get, $"{caseUrl}/history"),
            ["conflict check"] = await defender.SendAsync(HttpMethod.Post, $"{caseUrl}/conflict-check"),
            ["triage"] = await defender.SendAsync(HttpMethod.Post, $"{caseUrl}/triage"),
            ["401"] = await http.GetAsync("/api/cases"),
            ["health"] = await http.GetAsync("/api/health"),
        };
        var other = new Dictionary<string, HttpResponseMessage>
        {
            ["openapi"] = await http.GetAsync("/api/openapi.json"),
            ["reference"] = await http.GetAsync("/reference"),
            ["unknown route"] = await http.GetAsync("/nowhere"),
        };

        Assert.All(personal, r => Assert.True(r.Value.Headers.CacheControl?.NoStore, $"{r.Key}: Cache-Control {r.Value.Headers.CacheControl}"));
        Assert.All(personal.Concat(other), r =>
        {
            Assert.Equal(["nosniff"], r.Value.Headers.GetValues("X-Content-Type-Options"));
            Assert.False(r.Value.Headers.Contains("Server"), $"{r.Key} names the server");
        });
    }
}
