using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// Runs timer functions on their schedules the way the Azure Functions timer trigger does, on an
/// injected clock: one run of a timer at a time; the next occurrence is the first after the start of
/// the run (or after its scheduled time, when the clock fired early), so occurrences that pass while a
/// run lasts collapse into one run right after it; a failed run is logged and the schedule goes on;
/// <c>RunOnStartup</c> runs once at start without moving the schedule; stopping cancels a running
/// invocation through its token and waits for it.
/// </summary>
public sealed partial class TimerHost(IReadOnlyList<FunctionTimer> timers, IServiceProvider services, TimeProvider clock, ILogger<TimerHost> logger)
    : IHostedService, IDisposable
{
    // The longest single wait: timers of the clock take at most about 49 days.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private static readonly TimeSpan ClockJump = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The first occurrences are taken now, not when each loop gets going, so none is missed.
        var started = clock.GetUtcNow();
        running = Task.WhenAll(timers.Select(timer =>
        {
            var first = timer.Schedule.NextAfter(started);
            var monitor = timer.UseMonitor && !timer.Schedule.IsSubMinuteAt(started);
            LogScheduled(logger, timer.Name, timer.Schedule.Expression, first);
            return Task.Run(() => RunAsync(timer, first, monitor, stopping.Token), CancellationToken.None);
        }));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => stopping.Dispose();

    private async Task RunAsync(FunctionTimer timer, DateTimeOffset first, bool monitor, CancellationToken stop)
    {
        var status = new Occurrences(null, first);
        if (timer.RunOnStartup)
        {
            await InvokeAsync(timer, status, monitor, stop);
        }

        while (await WaitUntilAsync(status.Next, stop))
        {
            var invokedAt = clock.GetUtcNow();
            await InvokeAsync(timer, status, monitor, stop);
            var last = invokedAt < status.Next ? status.Next : invokedAt;
            status = new Occurrences(last, timer.Schedule.NextAfter(last));
        }
    }

    private async Task<bool> WaitUntilAsync(DateTimeOffset due, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (now >= due)
            {
                return true;
            }

            var wait = due - now;
            using var rearm = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var delay = Task.Delay(wait < LongestWait ? wait : LongestWait, clock, rearm.Token);

            // A delay counts from when it is set up, so a clock that jumped since it was read (a resumed
            // machine, a test's fake clock) would make it fire late: set it up again from the new time.
            if (clock.GetUtcNow() - now > ClockJump)
            {
                await rearm.CancelAsync();
            }

            await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return false;
    }

    private async Task InvokeAsync(FunctionTimer timer, Occurrences status, bool monitor, CancellationToken stop)
    {
        try
        {
            await timer.InvokeAsync(services, status.ToTimerInfo(monitor), stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            LogCancelled(logger, timer.Name);
        }
        catch (Exception e)
        {
            // The type and stack only: an exception's message may quote the data it failed on.
            LogFailed(logger, timer.Name, e.GetType().FullName ?? e.GetType().Name, e.StackTrace ?? string.Empty);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer function {Function} runs on '{Schedule}' (UTC); next: {Next:O}")]
    private static partial void LogScheduled(ILogger logger, string function, string schedule, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer function {Function} was cancelled by the host's shutdown")]
    private static partial void LogCancelled(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed with {ExceptionType} at {StackTrace}; its schedule goes on")]
    private static partial void LogFailed(ILogger logger, string function, string exceptionType, string stackTrace);

    /// <summary>The schedule status Azure keeps per timer: the last occurrence run and the next one due.</summary>
    private sealed record Occurrences(DateTimeOffset? Last, DateTimeOffset Next)
    {
        public TimerInfo ToTimerInfo(bool monitor) => new()
        {
            ScheduleStatus = monitor
                ? new ScheduleStatus { Last = Last?.UtcDateTime ?? default, Next = Next.UtcDateTime, LastUpdated = Last?.UtcDateTime ?? default }
                : null,
        };
    }
}
