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
        var fromMetadata = FunctionsMetadata.Bindings("timerTrigger")
            .Select(x => Describe(
                x.Function,
                x.Binding["schedule"]!.GetValue<string>(),
                x.Binding["runOnStartup"]?.GetValue<bool>() ?? false,
                x.Binding["useMonitor"]?.GetValue<bool>() ?? true))
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
