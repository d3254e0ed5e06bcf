using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Tests.Hosting;

/// <summary>Timer functions for the scheduler tests; each reports to the <see cref="TimerProbe"/>.</summary>
public static class TestTimerFunctions
{
    public sealed class EveryMinute(TimerProbe probe)
    {
        [Function("EveryMinute")]
        public Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
            probe.RunAsync("EveryMinute", timer, cancellationToken);
    }

    public sealed class OnStartup(TimerProbe probe)
    {
        [Function("OnStartup")]
        public Task Run([TimerTrigger("0 * * * * *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken) =>
            probe.RunAsync("OnStartup", timer, cancellationToken);
    }

    public sealed class EveryTenSeconds(TimerProbe probe)
    {
        [Function("EveryTenSeconds")]
        public Task Run([TimerTrigger("*/10 * * * * *")] TimerInfo timer) => probe.RunAsync("EveryTenSeconds", timer, CancellationToken.None);
    }

    public sealed class FromSetting(TimerProbe probe)
    {
        [Function("FromSetting")]
        public Task Run([TimerTrigger("%Timers:Schedule%")] TimerInfo timer) => probe.RunAsync("FromSetting", timer, CancellationToken.None);
    }

    public sealed class EveryFiveMinutesAsTimeSpan
    {
        [Function("EveryFiveMinutesAsTimeSpan")]
        public Task Run([TimerTrigger("00:05:00")] TimerInfo timer) => Task.CompletedTask;
    }

    public sealed class WithUnboundParameter
    {
        [Function("WithUnboundParameter")]
        public Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, string name) => Task.CompletedTask;
    }
}
