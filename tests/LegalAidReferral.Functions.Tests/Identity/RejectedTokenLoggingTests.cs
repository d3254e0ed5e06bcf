using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Standalone.DevSignIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Identity;

public class RejectedTokenLoggingTests
{
    private const string Defender = "gt-idpp-guatemala-defender";

    [Fact]
    public async Task Two_hundred_bad_tokens_write_a_few_lines_that_never_quote_a_token()
    {
        await using var harness = new FunctionHarness();
        var issuer = harness.Provider.GetRequiredService<DevIssuer>();
        var valid = issuer.IssueToken(harness.Provider.GetRequiredService<DemoUsers>().Find(Defender)!, TimeSpan.FromMinutes(5));
        var parts = valid.Split('.');
        string[] tokens = ["not-a-jwt", $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA", $"{parts[0]}.e30.{parts[2]}"];

        for (var i = 0; i < 200; i++)
        {
            var request = harness.Request("GET", userId: null, headers: new Dictionary<string, string> { ["Authorization"] = $"Bearer {tokens[i % tokens.Length]}" });
            var (status, _, _) = await FunctionHarness.ExecuteAsync(await harness.Function<ListCasesFunction>().Run(request), request);
            Assert.Equal(401, status);
        }

        // The harness logs at Trace; a host logs from Information up.
        var lines = harness.Logs.Lines.Where(l => !l.StartsWith("Trace", StringComparison.Ordinal) && !l.StartsWith("Debug", StringComparison.Ordinal)).ToArray();
        Assert.InRange(lines.Length, 1, 6);
        Assert.All(lines, line => Assert.StartsWith("Information", line, StringComparison.Ordinal));
        foreach (var fragment in tokens.Select(t => t.Length > 20 ? t[^20..] : t).Append(parts[1][..20]))
        {
            Assert.DoesNotContain(fragment, harness.Logs.All, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rejections_after_the_interval_are_logged_again_with_the_count_of_the_ones_held_back()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = new FunctionHarness(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

        for (var i = 0; i < 5; i++)
        {
            var request = harness.Request("GET", userId: null, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer not-a-jwt" });
            await FunctionHarness.ExecuteAsync(await harness.Function<ListCasesFunction>().Run(request), request);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        var late = harness.Request("GET", userId: null, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer not-a-jwt" });
        await FunctionHarness.ExecuteAsync(await harness.Function<ListCasesFunction>().Run(late), late);

        var lines = harness.Logs.Lines.Where(l => l.Contains("bearer token", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Contains("4 more", lines[1], StringComparison.Ordinal);
    }
}
