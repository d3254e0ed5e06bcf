using System.Net;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

public class CaseSearchTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Search = "/api/cases/search";

    [Fact]
    public async Task Name_search_is_a_POST_with_the_name_in_the_body_filtered_and_audited()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var found = (await defender.CreateCaseAsync(Samples.Intake("Rosaura Buscada Ficticia")))["id"]!.GetValue<string>();
        var moved = (await defender.CreateCaseAsync(Samples.Intake("Rosaura Buscada Ficticia")))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await defender.SendAsync(HttpMethod.Post, $"/api/cases/{moved}/status", new { to = "closed", reason = "Duplicate" })).StatusCode);

        var response = await defender.SendAsync(HttpMethod.Post, Search, new { q = "rosaura buscada", status = "intake", limit = 10 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await ApiSession.ReadObjectAsync(response))["items"]!.AsArray();
        Assert.Equal([found], items.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(Search, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Empty(response.RequestMessage.RequestUri.Query);
        var history = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Get, $"/api/cases/{found}/history"));
        Assert.Contains(history["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "case-listed");
    }

    [Fact]
    public async Task Listing_with_q_in_the_URL_is_refused_and_points_to_the_search_route()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);

        var response = await defender.SendAsync(HttpMethod.Get, "/api/cases?q=ficticia");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ApiSession.ReadObjectAsync(response))["errors"]!["q"]![0]!.GetValue<string>();
        Assert.Contains("POST /api/cases/search", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_route_and_case_ids_do_not_collide()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var id = (await defender.CreateCaseAsync())["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await defender.SendAsync(HttpMethod.Get, $"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await defender.SendAsync(HttpMethod.Post, Search, new { q = "x" })).StatusCode);
        var notACase = await defender.SendAsync(HttpMethod.Get, Search);
        Assert.Equal(HttpStatusCode.NotFound, notACase.StatusCode);
        Assert.Equal("application/problem+json", notACase.Content.Headers.ContentType!.MediaType);
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "{ }", "q" },
        { "{ \"q\": \"   \" }", "q" },
        { "{ \"q\": \"" + new string('a', 201) + "\" }", "q" },
        { "{ \"q\": \"ana\\u001b[31m\" }", "q" },
        { "{ \"q\": \"ana\\ud800\" }", "q" },
        { "{ \"q\": \"ana\\ufffe\" }", "q" },
        { "{ \"q\": \"ana\", \"limit\": 0 }", "limit" },
        { "{ \"q\": \"ana\", \"limit\": 101 }", "limit" },
        { "{ \"q\": \"ana\", \"continuationToken\": \"\" }", "continuationToken" },
        { "{ \"q\": \"ana\", \"status\": \"archived\" }", "status" },
        { "{ \"q\": \"ana\", \"name\": \"ana\" }", "name" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_search_bodies_are_400_naming_the_field(string body, string field)
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);

        var response = await defender.SendAsync(HttpMethod.Post, Search, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiSession.ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors has {string.Join(", ", errors.Select(e => e.Key))}, not {field}");
    }

    [Fact]
    public async Task A_search_text_of_200_characters_is_accepted()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);

        var response = await defender.SendAsync(HttpMethod.Post, Search, new JsonObject { ["q"] = new string('a', 200) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
