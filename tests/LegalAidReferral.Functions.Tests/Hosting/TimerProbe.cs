using System.Threading.Channels;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Tests.Hosting;

/// <summary>
/// What the test timer functions report: each run as it starts (with the clock's time and the
/// <see cref="TimerInfo"/> it got), then the behaviour the test gives the run.
/// </summary>
public sealed class TimerProbe(TimeProvider clock)
{
    // A safety net for a scheduler that never runs: the tests advance a fake clock, they never wait on time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<TimerRun> started = Channel.CreateUnbounded<TimerRun>();
    private int running;

    public Func<TimerRun, CancellationToken, Task> Behaviour { get; set; } = (_, _) => Task.CompletedTask;

    public int MostAtOnce { get; private set; }

    public async Task RunAsync(string function, TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = new TimerRun(function, clock.GetUtcNow(), timer);
        MostAtOnce = Math.Max(MostAtOnce, Interlocked.Increment(ref running));
        try
        {
            started.Writer.TryWrite(run);
            await Behaviour(run, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    public async Task<TimerRun> NextAsync() => await started.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public bool AnyStarted => started.Reader.TryPeek(out _);
}

public sealed record TimerRun(string Function, DateTimeOffset At, TimerInfo Timer);
