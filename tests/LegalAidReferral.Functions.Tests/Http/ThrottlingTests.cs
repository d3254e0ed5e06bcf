using System.Net;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Operations;
using LegalAidReferral.Functions.Tests.Cases;

namespace LegalAidReferral.Functions.Tests.Http;

/// <summary>
/// The shared pipeline's limits, so both hosts throttle alike. The limits refill one permit per
/// 1,000 seconds: no permit can come back while a test runs, so no test waits or depends on timing.
/// </summary>
public class ThrottlingTests
{
    private const string Defender = "gt-idpp-guatemala-defender";
    private const string Supervisor = "gt-idpp-guatemala-supervisor";
    private const string TooManyRequests = "https://legalaidreferral.example/problems/too-many-requests";

    [Fact]
    public async Task Caller_over_the_limit_gets_429_with_Retry_After_and_another_caller_does_not()
    {
        await using var harness = await StartAsync(new() { ["Throttling:PermitsPerSecond"] = "0.001", ["Throttling:Burst"] = "2" });

        var first = await ListAsync(harness, Defender);
        var second = await ListAsync(harness, Defender);
        var third = await ListAsync(harness, Defender);
        var other = await ListAsync(harness, Supervisor);

        Assert.Equal((200, 200, 429, 200), (first.Status, second.Status, third.Status, other.Status));
        Assert.Equal(TooManyRequests, third.Body!["type"]!.GetValue<string>());
        Assert.Equal(429, third.Body["status"]!.GetValue<int>());
        Assert.Equal("1000", third.Headers.RetryAfter.ToString());
        Assert.Equal("no-store", third.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task Anonymous_route_is_limited_per_client_address()
    {
        await using var harness = await StartAsync(new() { ["Throttling:AnonymousPermitsPerSecond"] = "0.001", ["Throttling:AnonymousBurst"] = "1" });

        var first = await HealthAsync(harness, "203.0.113.7");
        var second = await HealthAsync(harness, "203.0.113.7");
        var otherAddress = await HealthAsync(harness, "198.51.100.20");

        Assert.Equal((200, 429, 200), (first.Status, second.Status, otherAddress.Status));
        Assert.Equal(TooManyRequests, second.Body!["type"]!.GetValue<string>());
        Assert.Equal("1000", second.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Addresses_of_one_IPv6_subscriber_network_share_a_bucket()
    {
        await using var harness = await StartAsync(new() { ["Throttling:AnonymousPermitsPerSecond"] = "0.001", ["Throttling:AnonymousBurst"] = "1" });

        var first = await HealthAsync(harness, "2001:db8:7:1::1");
        var sameNetwork = await HealthAsync(harness, "2001:db8:7:1:a:b:c:d");
        var otherNetwork = await HealthAsync(harness, "2001:db8:7:2::1");

        Assert.Equal((200, 429, 200), (first.Status, sameNetwork.Status, otherNetwork.Status));
    }

    [Fact]
    public async Task When_the_throttle_holds_as_many_buckets_as_it_may_a_new_address_is_refused_and_counted_ones_go_on()
    {
        await using var harness = await StartAsync(new() { ["Throttling:MaxBuckets"] = "2" });

        var first = await HealthAsync(harness, "203.0.113.7");
        var second = await HealthAsync(harness, "198.51.100.20");
        var third = await HealthAsync(harness, "192.0.2.1");
        var firstAgain = await HealthAsync(harness, "203.0.113.7");

        Assert.Equal((200, 200, 429, 200), (first.Status, second.Status, third.Status, firstAgain.Status));
        Assert.Equal(TooManyRequests, third.Body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Calls_without_a_valid_token_count_against_their_address()
    {
        await using var harness = await StartAsync(new() { ["Throttling:AnonymousPermitsPerSecond"] = "0.001", ["Throttling:AnonymousBurst"] = "1" });

        var first = await ListAsync(harness, userId: null);
        var second = await ListAsync(harness, userId: null);
        var signedIn = await ListAsync(harness, Defender);

        Assert.Equal((401, 429, 200), (first.Status, second.Status, signedIn.Status));
    }

    [Fact]
    public async Task Default_limits_let_a_busy_caller_through()
    {
        await using var harness = await StartAsync([]);

        var statuses = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            statuses.Add((await HealthAsync(harness, "203.0.113.7")).Status);
        }

        Assert.All(statuses, status => Assert.Equal(200, status));
    }

    private static async Task<FunctionHarness> StartAsync(Dictionary<string, string?> settings)
    {
        var harness = new FunctionHarness(settings: settings);
        await harness.StartAsync();
        return harness;
    }

    private static async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, System.Text.Json.Nodes.JsonNode? Body)> ListAsync(FunctionHarness harness, string? userId)
    {
        var request = harness.Request("GET", userId);
        return await FunctionHarness.ExecuteAsync(await harness.Function<ListCasesFunction>().Run(request), request);
    }

    private static async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, System.Text.Json.Nodes.JsonNode? Body)> HealthAsync(FunctionHarness harness, string address)
    {
        var request = harness.Request("GET", userId: null);
        request.HttpContext.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return await FunctionHarness.ExecuteAsync(await harness.Function<HealthFunction>().Run(request), request);
    }
}
