using System.Net;

namespace LegalAidReferral.EndToEnd.Tests;

public class RoutingProblemTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("GET", "/api/no-such-route")]
    [InlineData("POST", "/api/cases/one/two/three")]
    [InlineData("GET", "/no-such-file.txt")]
    public async Task Unknown_route_answers_a_not_found_problem(string method, string path)
    {
        var response = await ApiSession.Anonymous(OutsideTheDocument()).SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertProblemAsync(response, 404, "not-found");
    }

    [Theory]
    [InlineData("DELETE", "/api/cases", "GET, POST")]
    [InlineData("PUT", "/api/health", "GET")]
    [InlineData("GET", "/dev/token", "POST")]
    public async Task Wrong_method_answers_a_method_not_allowed_problem_with_Allow(string method, string path, string allow)
    {
        var response = await ApiSession.Anonymous(OutsideTheDocument()).SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow.Split(", "), response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        var problem = await AssertProblemAsync(response, 405, "method-not-allowed");
        Assert.Contains(allow, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> AssertProblemAsync(HttpResponseMessage response, int status, string type)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
        var problem = await ApiSession.ReadObjectAsync(response);
        Assert.Equal($"https://legalaidreferral.example/problems/{type}", problem["type"]!.GetValue<string>());
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.Equal(response.Headers.GetValues("X-Correlation-Id").Single(), problem["traceId"]!.GetValue<string>());
        return problem;
    }

    // These addresses and methods are not in the OpenAPI document on purpose: a client that checks
    // every exchange against it would refuse them before they are sent.
    private HttpClient OutsideTheDocument() => new() { BaseAddress = fixture.Host.BaseAddress };
}
