using System.Text.Json.Nodes;
using LegalAidReferral.Functions.Operations;
using LegalAidReferral.Standalone.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LegalAidReferral.Functions.Tests.Hosting;

public class TimerParityTests
{
    [Fact]
    public void Timers_of_the_built_functions_metadata_equal_the_timers_the_standalone_host_runs()
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray();
        var fromMetadata = metadata
            .SelectMany(f => f!["bindings"]!.AsArray()
                .Where(b => b!["type"]!.GetValue<string>() == "timerTrigger")
                .Select(b => Describe(
                    f["name"]!.GetValue<string>(),
                    b!["schedule"]!.GetValue<string>(),
                    b["runOnStartup"]?.GetValue<bool>() ?? false,
                    b["useMonitor"]?.GetValue<bool>() ?? true)))
            .Order()
            .ToArray();

        var services = new ServiceCollection();
        var run = services.AddFunctionTimers(typeof(ServiceRegistration).Assembly, new ConfigurationBuilder().Build())
            .Select(t => Describe(t.Name, t.Trigger.Schedule, t.RunOnStartup, t.UseMonitor))
            .Order()
            .ToArray();

        Assert.NotEmpty(fromMetadata);
        Assert.Contains(Describe("PurgeExpiredIdempotencyKeys", PurgeExpiredIdempotencyKeysFunction.Schedule, false, true), fromMetadata);
        Assert.Equal(fromMetadata, run);
        Assert.Contains(services, s => s.ServiceType == typeof(IHostedService));
    }

    private static string Describe(string name, string schedule, bool runOnStartup, bool useMonitor) =>
        $"{name} '{schedule}' runOnStartup={runOnStartup} useMonitor={useMonitor}";
}
