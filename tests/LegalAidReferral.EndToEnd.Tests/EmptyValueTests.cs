using System.Net;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>A parameter sent empty is a mistake to report, never the same as a parameter not sent.</summary>
public class EmptyValueTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/api/cases?limit=", "limit")]
    [InlineData("/api/cases?status=", "status")]
    [InlineData("/api/cases?priority=", "priority")]
    [InlineData("/api/cases?continuationToken=", "continuationToken")]
    [InlineData("/api/offices?limit=", "limit")]
    [InlineData("/api/cases?limit=%2B5", "limit")]
    public async Task An_empty_or_malformed_query_value_is_400_naming_it(string path, string field)
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);

        var response = await defender.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiSession.ReadObjectAsync(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task An_empty_history_limit_is_400()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var id = (await defender.CreateCaseAsync())["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.BadRequest, (await defender.SendAsync(HttpMethod.Get, $"/api/cases/{id}/history?limit=")).StatusCode);
    }

    [Fact]
    public async Task An_empty_Idempotency_Key_is_400_and_creates_nothing()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var before = await CountAsync(defender);

        var response = await defender.SendAsync(HttpMethod.Post, "/api/cases", Samples.Intake(), new Dictionary<string, string> { ["Idempotency-Key"] = string.Empty });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiSession.ReadObjectAsync(response))["errors"]!.AsObject().ContainsKey("Idempotency-Key"));
        Assert.Equal(before, await CountAsync(defender));
    }

    private static async Task<int> CountAsync(ApiSession session) =>
        (await ApiSession.ReadObjectAsync(await session.SendAsync(HttpMethod.Get, "/api/cases?limit=100")))["items"]!.AsArray().Count;
}
