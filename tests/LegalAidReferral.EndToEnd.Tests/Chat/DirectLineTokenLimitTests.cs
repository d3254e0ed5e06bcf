using System.Net;

namespace LegalAidReferral.EndToEnd.Tests.Chat;

/// <summary>The local Direct Line's new tokens per client address, on the real host (the window itself: Functions.Tests, on a fake clock).</summary>
public sealed class DirectLineTokenLimitTests
{
    [Fact]
    public async Task Tokens_beyond_the_limit_of_an_address_get_a_429_problem_even_with_a_spoofed_X_Forwarded_For()
    {
        using var data = new TempFolder();
        await using var host = await StandaloneProcess.StartAsync(data.Path, "--DirectLine:TokensPerAddress", "2");
        using var http = host.CreateClient();
        await DirectLineSession.GenerateAsync(http);
        await DirectLineSession.GenerateAsync(http);

        using var refused = await http.PostAsync($"{DirectLineSession.Prefix}/tokens/generate", null);
        using var spoofed = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineSession.Prefix}/tokens/generate");
        spoofed.Headers.Add("X-Forwarded-For", "198.51.100.23");
        using var stillRefused = await http.SendAsync(spoofed);

        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests), (refused.StatusCode, stillRefused.StatusCode));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(
            "https://legalaidreferral.example/problems/too-many-requests",
            (await ApiSession.ReadObjectAsync(refused))["type"]!.GetValue<string>());
        Assert.Equal("Retry-After", refused.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_not_an_address_or_a_network_stops_the_start()
    {
        using var data = new TempFolder();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => StandaloneProcess.StartAsync(data.Path, "--DirectLine:TrustedProxies:0", "proxy.internal"));

        Assert.Contains("each of TrustedProxies an address or a network", refused.Message, StringComparison.Ordinal);
    }
}
