using LegalAidReferral.Infrastructure.Limits;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Infrastructure.Tests.Limits;

/// <summary>2 uses per key in a 10 s window, at most 2 keys.</summary>
public sealed class FixedWindowLimitTests
{
    private readonly InterruptibleClock clock = new();
    private readonly FixedWindowLimit<int> limit;

    public FixedWindowLimitTests() => limit = new FixedWindowLimit<int>(clock, 2, TimeSpan.FromSeconds(10), 2);

    [Fact]
    public void Over_its_permits_a_key_is_refused_with_the_time_left_in_its_window_and_only_the_first_refusal_says_so()
    {
        limit.TryAdmit(1);
        limit.TryAdmit(1);
        clock.Fake.Advance(TimeSpan.FromSeconds(4));

        var first = limit.TryAdmit(1);
        var second = limit.TryAdmit(1);

        Assert.Equal((WindowRefusal.OverLimit, TimeSpan.FromSeconds(6), true), (first.Refusal, first.RetryAfter, first.FirstRefusal));
        Assert.Equal((WindowRefusal.OverLimit, false), (second.Refusal, second.FirstRefusal));
    }

    [Fact]
    public void When_full_a_new_key_waits_for_the_oldest_window_to_end()
    {
        limit.TryAdmit(1);
        clock.Fake.Advance(TimeSpan.FromSeconds(5));
        limit.TryAdmit(2);
        clock.Fake.Advance(TimeSpan.FromSeconds(3));

        var refused = limit.TryAdmit(3);
        clock.Fake.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal((WindowRefusal.Full, TimeSpan.FromSeconds(2)), (refused.Refusal, refused.RetryAfter));
        Assert.True(limit.TryAdmit(3).IsAdmitted);
        Assert.Equal(WindowRefusal.Full, limit.TryAdmit(4).Refusal);
    }

    [Fact]
    public void A_key_that_read_the_clock_first_is_kept_ahead_of_one_that_started_while_it_waited()
    {
        // Key 1 reads the clock at 0 s and, before it counts, key 2 is tried at 5 s on another thread, until it
        // has finished or waits (for the lock key 1 holds). With the clock read outside the lock key 2 got in
        // first and its window stood ahead of key 1's, so key 1's ended window was never dropped and key 3 was
        // refused as Full.
        var meanwhile = WindowAdmission.Admitted;
        var second = new Thread(() => meanwhile = limit.TryAdmit(2));
        clock.OnNextRead(() =>
        {
            clock.Fake.Advance(TimeSpan.FromSeconds(5));
            second.Start();
            SpinWait.SpinUntil(() => (second.ThreadState & (ThreadState.Stopped | ThreadState.WaitSleepJoin)) != 0);
        });

        limit.TryAdmit(1);
        second.Join();
        Assert.True(meanwhile.IsAdmitted);
        clock.Fake.Advance(TimeSpan.FromSeconds(5));

        Assert.True(limit.TryAdmit(3).IsAdmitted);
    }

    /// <summary>A fake clock that can run something once, the next time it is read, before answering.</summary>
    private sealed class InterruptibleClock : TimeProvider
    {
        public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

        private Action? onNextRead;

        public void OnNextRead(Action interruption) => onNextRead = interruption;

        public override long TimestampFrequency => Fake.TimestampFrequency;

        public override long GetTimestamp()
        {
            var now = Fake.GetTimestamp();
            var interruption = Interlocked.Exchange(ref onNextRead, null);
            interruption?.Invoke();
            return now;
        }
    }
}
