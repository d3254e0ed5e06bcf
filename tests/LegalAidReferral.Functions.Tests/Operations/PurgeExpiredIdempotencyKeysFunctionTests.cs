using LegalAidReferral.Core.Common;
using LegalAidReferral.Functions.Operations;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Operations;

public class PurgeExpiredIdempotencyKeysFunctionTests
{
    [Fact]
    public async Task Purge_function_deletes_the_keys_past_the_configured_retention_and_logs_only_the_count()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = new FunctionHarness(
            services => services.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?> { ["Idempotency:Retention"] = "01:00:00" });
        await harness.StartAsync();
        var guard = harness.Provider.GetRequiredService<IdempotencyGuard>();
        await guard.ResourceIdAsync("gt-idpp-guatemala:intake", "old-key", "hash", default);
        clock.Advance(TimeSpan.FromMinutes(61));
        var recent = await guard.ResourceIdAsync("gt-idpp-guatemala:intake", "recent-key", "hash", default);

        await harness.Function<PurgeExpiredIdempotencyKeysFunction>().Run(new TimerInfo(), default);

        Assert.Contains(harness.Logs.Lines, line => line.Contains("Purged 1 expired idempotency keys", StringComparison.Ordinal));
        Assert.DoesNotContain("old-key", harness.Logs.All, StringComparison.Ordinal);
        Assert.Equal(recent.Value, (await guard.ResourceIdAsync("gt-idpp-guatemala:intake", "recent-key", "hash", default)).Value);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-01:00:00")]
    public async Task Retention_that_is_not_positive_is_refused(string retention)
    {
        await using var harness = new FunctionHarness(settings: new Dictionary<string, string?> { ["Idempotency:Retention"] = retention });

        var refused = Assert.Throws<OptionsValidationException>(() => harness.Provider.GetRequiredService<IdempotencyOptions>());

        Assert.Contains("Idempotency:Retention must be greater than zero.", refused.Failures);
    }
}
