using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Standalone.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Hosting;

/// <summary>The standalone scheduler on a fake clock: the tests advance it and wait for the runs it causes.</summary>
public sealed class TimerHostTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 30, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Start);
    private readonly CapturingLoggerProvider logs = new();
    private readonly ServiceProvider services;
    private TimerHost? host;

    public TimerHostTests()
    {
        Probe = new TimerProbe(clock);
        services = new ServiceCollection().AddSingleton(Probe).BuildServiceProvider();
    }

    private TimerProbe Probe { get; }

    [Fact]
    public async Task Runs_at_each_occurrence_with_the_schedule_status_the_worker_passes()
    {
        await StartAsync<TestTimerFunctions.EveryMinute>();

        clock.Advance(TimeSpan.FromSeconds(29));
        clock.Advance(TimeSpan.FromSeconds(1));
        var first = await Probe.NextAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Probe.NextAsync();

        Assert.Equal(At(1), first.At);
        Assert.Equal((default, At(1).UtcDateTime), (first.Timer.ScheduleStatus!.Last, first.Timer.ScheduleStatus.Next));
        Assert.Equal(At(2), second.At);
        Assert.Equal((At(1).UtcDateTime, At(2).UtcDateTime), (second.Timer.ScheduleStatus!.Last, second.Timer.ScheduleStatus.Next));
        Assert.False(second.Timer.IsPastDue);
    }

    [Fact]
    public async Task Occurrences_that_pass_during_a_run_collapse_into_one_run_after_it_and_runs_never_overlap()
    {
        var release = new TaskCompletionSource();
        Probe.Behaviour = (run, _) => run.At == At(1) ? release.Task : Task.CompletedTask;
        await StartAsync<TestTimerFunctions.EveryMinute>();

        clock.Advance(TimeSpan.FromSeconds(30));
        var first = await Probe.NextAsync();
        clock.Advance(TimeSpan.FromSeconds(150));
        Assert.False(Probe.AnyStarted);
        release.SetResult();
        var catchUp = await Probe.NextAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        var next = await Probe.NextAsync();

        Assert.Equal(At(1), first.At);
        Assert.Equal(At(3.5), catchUp.At);
        Assert.Equal((At(1).UtcDateTime, At(2).UtcDateTime), (catchUp.Timer.ScheduleStatus!.Last, catchUp.Timer.ScheduleStatus.Next));
        Assert.Equal(At(4), next.At);
        Assert.Equal((At(3.5).UtcDateTime, At(4).UtcDateTime), (next.Timer.ScheduleStatus!.Last, next.Timer.ScheduleStatus.Next));
        Assert.Equal(1, Probe.MostAtOnce);
    }

    [Fact]
    public async Task A_failing_run_is_logged_without_its_message_and_the_schedule_goes_on()
    {
        Probe.Behaviour = (run, _) => run.At == At(1)
            ? throw new InvalidOperationException("Storage refused the record of Rosalía Ficticia Monterroso")
            : Task.CompletedTask;
        await StartAsync<TestTimerFunctions.EveryMinute>();

        clock.Advance(TimeSpan.FromSeconds(30));
        await Probe.NextAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = await Probe.NextAsync();

        Assert.Equal(At(2), after.At);
        Assert.Contains(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal)
            && line.Contains("EveryMinute", StringComparison.Ordinal)
            && line.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
        Assert.DoesNotContain("Monterroso", logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_cancels_the_running_invocation_and_waits_for_it_to_finish()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Probe.Behaviour = async (_, cancellationToken) =>
        {
            await using (cancellationToken.Register(cancelled.SetResult))
            {
                await cancelled.Task;
            }

            await finish.Task;
            finished.SetResult();
            cancellationToken.ThrowIfCancellationRequested();
        };
        await StartAsync<TestTimerFunctions.EveryMinute>();
        clock.Advance(TimeSpan.FromSeconds(30));
        await Probe.NextAsync();

        var stopping = host!.StopAsync(CancellationToken.None);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var finishedWhenStopped = stopping.ContinueWith(_ => finished.Task.IsCompleted, TaskScheduler.Default);
        finish.SetResult();
        Assert.True(await finishedWhenStopped.WaitAsync(TimeSpan.FromSeconds(30)));
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.False(Probe.AnyStarted);
        Assert.Contains(logs.Lines, line => line.Contains("EveryMinute was cancelled by the host's shutdown", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_on_startup_runs_at_once_and_leaves_the_schedule_where_it_was()
    {
        await StartAsync<TestTimerFunctions.OnStartup>();

        var atStart = await Probe.NextAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        var scheduled = await Probe.NextAsync();

        Assert.Equal(Start, atStart.At);
        Assert.Equal(At(1), scheduled.At);
        Assert.Equal((default, At(1).UtcDateTime), (scheduled.Timer.ScheduleStatus!.Last, scheduled.Timer.ScheduleStatus.Next));
    }

    [Fact]
    public async Task Sub_minute_schedule_runs_without_a_schedule_status_as_on_Azure()
    {
        await StartAsync<TestTimerFunctions.EveryTenSeconds>();

        clock.Advance(TimeSpan.FromSeconds(10));
        var run = await Probe.NextAsync();

        Assert.Equal(Start.AddSeconds(10), run.At);
        Assert.Null(run.Timer.ScheduleStatus);
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        await services.DisposeAsync();
    }

    private static DateTimeOffset At(double minutes) => Start.AddSeconds(-30).AddMinutes(minutes);

    private async Task StartAsync<TFunction>()
    {
        var timers = FunctionTimer.Discover([typeof(TFunction)], new ConfigurationBuilder().Build());
        host = new TimerHost(timers, services, clock, new LoggerFactory([logs]).CreateLogger<TimerHost>());
        await host.StartAsync(CancellationToken.None);
    }
}
