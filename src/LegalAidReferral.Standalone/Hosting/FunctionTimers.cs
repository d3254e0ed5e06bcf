using System.Reflection;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>Runs the Functions app's timer triggers in the standalone host: a sibling of <see cref="FunctionEndpoints"/>.</summary>
public static class FunctionTimers
{
    /// <summary>
    /// Finds every timer function of <paramref name="functionsAssembly"/>, checks it, and registers
    /// <see cref="TimerHost"/> to run them. Register it after storage, so that a timer that runs on start-up
    /// finds storage ready (hosted services start in registration order and stop in reverse).
    /// </summary>
    /// <exception cref="StartupRefusedException">A schedule or a parameter cannot be served.</exception>
    public static IReadOnlyList<FunctionTimer> AddFunctionTimers(this IServiceCollection services, Assembly functionsAssembly, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(functionsAssembly);
        var timers = FunctionTimer.Discover(functionsAssembly.GetExportedTypes(), configuration);
        services.AddHostedService(sp => new TimerHost(timers, sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TimerHost>>()));
        return timers;
    }
}
