using LegalAidReferral.Standalone.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace LegalAidReferral.Functions.Tests.Hosting;

public class StandaloneSettingsTests
{
    private const string RealTenant = "3c5a1a3e-9d7b-4f0e-8a62-2f1b6c4d9e01";

    public static TheoryData<string, string[], bool, bool> Modes() => new()
    {
        // environment, settings (key, value, ...), dev sign-in, demo data
        { Environments.Development, [], true, true },
        { Environments.Production, [], false, false },
        { Environments.Staging, [], false, false },
        { Environments.Production, ["dev-sign-in", "true"], true, false },
        { Environments.Production, ["seed-demo-data", "true"], false, true },
        { Environments.Development, ["dev-sign-in", "false"], false, true },
        { Environments.Development, ["AzureAd:TenantId", StandaloneSettings.DevTenantId, "AzureAd:ClientId", StandaloneSettings.DevClientId], true, true },
        { Environments.Development, ["AzureAd:TenantId", RealTenant], false, false },
        { Environments.Production, ["AzureAd:Audience", "api://legalaidreferral"], false, false },
        { Environments.Development, ["Storage:Cosmos:AccountEndpoint", "https://defensoria-gt.documents.azure.com:443/"], false, false },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Development_features_are_on_only_in_Development_or_by_flag(string environment, string[] settings, bool devSignIn, bool demoData)
    {
        var resolved = StandaloneSettings.From(Configuration(settings), new Environment(environment));

        Assert.Equal((devSignIn, demoData), (resolved.DevSignIn, resolved.SeedDemoData));
    }

    [Theory]
    [InlineData("dev-sign-in", "AzureAd:TenantId", RealTenant)]
    [InlineData("seed-demo-data", "AzureAd:ClientId", "9a1d6b2c-0f4e-4c3a-b5d7-1e2f3a4b5c6d")]
    [InlineData("dev-sign-in", "AzureAd:Audience", "api://legalaidreferral")]
    [InlineData("seed-demo-data", "Storage:Cosmos:AccountEndpoint", "https://defensoria-gt.documents.azure.com:443/")]
    public void Development_flag_with_a_real_identity_setting_is_refused(string flag, string identityKey, string identityValue)
    {
        var refused = Assert.Throws<StartupRefusedException>(() =>
            StandaloneSettings.From(Configuration([flag, "true", identityKey, identityValue]), new Environment(Environments.Development)));

        Assert.Contains($"--{flag}", refused.Message, StringComparison.Ordinal);
        Assert.Contains(identityKey, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(identityValue, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void Clock_offset_of_a_development_host_is_read_as_a_duration()
    {
        var resolved = StandaloneSettings.From(Configuration(["dev-clock-offset", "5.00:00:00"]), new Environment(Environments.Development));

        Assert.Equal(TimeSpan.FromDays(5), resolved.ClockOffset);
    }

    [Fact]
    public void No_clock_offset_means_the_system_clock()
    {
        Assert.Equal(TimeSpan.Zero, StandaloneSettings.From(Configuration([]), new Environment(Environments.Development)).ClockOffset);
    }

    [Theory]
    [InlineData("Production", "5.00:00:00")]
    [InlineData("Development", "five days")]
    [InlineData("Development", "-1.00:00:00")]
    public void Clock_offset_without_development_sign_in_or_not_a_duration_is_refused(string environment, string offset)
    {
        var refused = Assert.Throws<StartupRefusedException>(() =>
            StandaloneSettings.From(Configuration(["dev-clock-offset", offset]), new Environment(environment)));

        Assert.Contains("--dev-clock-offset", refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string[] pairs) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(pairs.Chunk(2).Select(p => new KeyValuePair<string, string?>(p[0], p[1])))
            .Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "LegalAidReferral.Standalone";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
