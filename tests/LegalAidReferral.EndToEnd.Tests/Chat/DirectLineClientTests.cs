using System.Net;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests.Chat;

/// <summary>The real Direct Line client from npm (<c>botframework-directlinejs</c>, driven from Node) completes an intake.</summary>
public sealed class DirectLineClientTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string[] GuatemalaOffices = ["gt-idpp-guatemala", "gt-idpp-quetzaltenango"];

    [Fact]
    public async Task An_intake_through_the_real_direct_line_client_creates_a_case_the_office_finds_through_the_api()
    {
        var (exitCode, output, errors) = await ChatClients.NodeAsync("converse.mjs", fixture.Host.BaseAddress.ToString().TrimEnd('/'), "scripts/intake-es.json");

        Assert.True(exitCode == 0, $"converse.mjs failed ({exitCode}): {errors}");
        var result = JsonNode.Parse(output)!;
        var reference = (string)result["reference"]!;
        Assert.Matches("^GT-[0-9]{4}-[0-9]{6}$", reference);
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", (string)result["code"]!);

        var found = new List<JsonNode>();
        foreach (var office in GuatemalaOffices)
        {
            var staff = await fixture.SignInAsync($"{office}-supervisor");
            using var response = await staff.SendAsync(HttpMethod.Post, "/api/cases/search", new { q = reference });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            found.AddRange((await ApiSession.ReadObjectAsync(response))["items"]!.AsArray()!);
        }

        var summary = Assert.Single(found);
        Assert.Equal(reference, (string?)summary["reference"]);
        Assert.Equal("Ana Ejemplo Prueba", (string?)summary["clientName"]);
    }
}
