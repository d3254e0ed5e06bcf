using System.Net;
using System.Text.Json;
using LegalAidReferral.Functions.Http;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Standalone.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.DirectLine;

/// <summary>Tokens of the local Direct Line per client address: each is a new sender, so this bounds one address's code checks.</summary>
public sealed class DirectLineTokenLimitTests : IDisposable
{
    private const string Client = "203.0.113.7";
    private const string Proxy = "10.0.0.4";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider logs = new();
    private readonly ILoggerFactory loggers;

    public DirectLineTokenLimitTests() => loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));

    [Fact]
    public async Task An_address_gets_its_tokens_and_then_a_429_problem_with_Retry_After_until_its_window_ends()
    {
        var limit = Limit(new() { TokensPerAddress = 3 });
        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(limit.Admit(Request(Client))));
        clock.Advance(TimeSpan.FromMinutes(10));

        var refused = Request(Client);
        var problem = limit.Admit(refused);

        Assert.NotNull(problem);
        Assert.Equal("300", refused.Response.Headers.RetryAfter.ToString());
        await problem.WriteAsync(refused);
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.StartsWith("application/problem+json", refused.Response.ContentType, StringComparison.Ordinal);
        refused.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(refused.Response.Body);
        Assert.Equal(ProblemTypes.TooManyRequests, body.RootElement.GetProperty("type").GetString());

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(limit.Admit(Request(Client)));
    }

    [Fact]
    public void Another_address_is_counted_apart()
    {
        var limit = Limit(new() { TokensPerAddress = 1 });
        Assert.Null(limit.Admit(Request(Client)));

        Assert.NotNull(limit.Admit(Request(Client)));
        Assert.Null(limit.Admit(Request("198.51.100.20")));
    }

    [Fact]
    public void A_spoofed_X_Forwarded_For_does_not_evade_the_limit_by_default()
    {
        var limit = Limit(new() { TokensPerAddress = 1 });
        Assert.Null(limit.Admit(Request(Client)));

        Assert.NotNull(limit.Admit(Request(Client, forwardedFor: "198.51.100.1")));
        Assert.NotNull(limit.Admit(Request(Client, forwardedFor: "198.51.100.2, 198.51.100.3")));
    }

    [Fact]
    public void Behind_a_trusted_proxy_the_client_it_forwards_is_counted_and_what_the_client_wrote_before_it_is_not()
    {
        var limit = Limit(WithProxy(Proxy, tokens: 1));
        Assert.Null(limit.Admit(Request(Proxy, forwardedFor: Client)));

        Assert.NotNull(limit.Admit(Request(Proxy, forwardedFor: $"198.51.100.1, {Client}")));
        Assert.Null(limit.Admit(Request(Proxy, forwardedFor: "198.51.100.20")));
    }

    [Fact]
    public void The_header_from_a_peer_that_is_not_a_trusted_proxy_is_ignored()
    {
        var limit = Limit(WithProxy(Proxy, tokens: 1));
        Assert.Null(limit.Admit(Request(Client, forwardedFor: "198.51.100.1")));

        Assert.NotNull(limit.Admit(Request(Client, forwardedFor: "198.51.100.2")));
    }

    [Fact]
    public void Addresses_of_one_IPv6_network_of_64_bits_share_a_limit()
    {
        var limit = Limit(new() { TokensPerAddress = 1 });
        Assert.Null(limit.Admit(Request("2001:db8:1:2::1")));

        Assert.NotNull(limit.Admit(Request("2001:db8:1:2:ffff::9")));
        Assert.Null(limit.Admit(Request("2001:db8:1:3::1")));
    }

    [Fact]
    public void When_it_holds_as_many_addresses_as_it_may_a_new_one_waits_for_the_oldest_window_and_it_is_logged_once_without_addresses()
    {
        var limit = Limit(new() { MaxAddresses = 2 });
        Assert.Null(limit.Admit(Request(Client)));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(limit.Admit(Request("198.51.100.20")));

        var refused = Request("192.0.2.1");
        Assert.NotNull(limit.Admit(refused));
        Assert.NotNull(limit.Admit(Request("192.0.2.2")));
        Assert.Null(limit.Admit(Request(Client)));

        Assert.Equal("600", refused.Response.Headers.RetryAfter.ToString());
        var line = Assert.Single(logs.Lines);
        Assert.StartsWith("Warning", line, StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2", line, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(limit.Admit(Request("192.0.2.1")));
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("10.0.0.4", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("proxy.internal", false)]
    public void Trusted_proxies_are_addresses_or_networks(string proxy, bool valid) =>
        Assert.Equal(valid, WithProxy(proxy, tokens: 1).IsValid);

    public void Dispose() => loggers.Dispose();

    private static DirectLineOptions WithProxy(string proxy, int tokens)
    {
        var options = new DirectLineOptions { TokensPerAddress = tokens };
        options.TrustedProxies.Add(proxy);
        return options;
    }

    private static DefaultHttpContext Request(string peer, string? forwardedFor = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Response.Body = new MemoryStream();
        if (forwardedFor is not null)
        {
            context.Request.Headers[ClientAddress.ForwardedForHeader] = forwardedFor;
        }

        return context;
    }

    private DirectLineTokenLimit Limit(DirectLineOptions options) =>
        new(Options.Create(options), clock, loggers.CreateLogger<DirectLineTokenLimit>());
}
