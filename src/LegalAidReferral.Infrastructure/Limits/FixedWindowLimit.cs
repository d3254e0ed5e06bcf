namespace LegalAidReferral.Infrastructure.Limits;

/// <summary>
/// At most <c>permits</c> per key in a fixed window of <c>window</c> from the key's first use, on a
/// <see cref="TimeProvider"/>, in memory. Bounded: it holds at most <c>capacity</c> windows, kept in the order they
/// began, which is the order they end (they all last as long); each call first drops the windows that are over
/// from the front, so its work is constant plus the windows it drops, however many it holds. When it holds
/// <c>capacity</c> windows that are not over, a new key is refused until the oldest ends (it fails closed: a limit
/// that stopped counting would let anyone through).
/// </summary>
public sealed class FixedWindowLimit<TKey> where TKey : notnull
{
    private readonly TimeProvider clock;
    private readonly int permits;
    private readonly TimeSpan window;
    private readonly int capacity;
    private readonly Dictionary<TKey, Window> windows = [];
    private readonly Queue<Window> byStart = new();
    private bool fullReported;

    public FixedWindowLimit(TimeProvider clock, int permits, TimeSpan window, int capacity)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.clock = clock;
        this.permits = permits;
        this.window = window;
        this.capacity = capacity;
    }

    /// <summary>Counts a use by <paramref name="key"/> if it is within its permits and there is room for it.</summary>
    public WindowAdmission TryAdmit(TKey key)
    {
        lock (byStart)
        {
            // Read inside the lock, so windows stay in the order they began.
            var now = clock.GetTimestamp();
            while (byStart.TryPeek(out var oldest) && IsOver(oldest, now))
            {
                windows.Remove(byStart.Dequeue().Key);
            }

            if (windows.TryGetValue(key, out var open))
            {
                if (open.Uses < permits)
                {
                    open.Uses++;
                    return WindowAdmission.Admitted;
                }

                var first = !open.Reported;
                open.Reported = true;
                return new WindowAdmission(WindowRefusal.OverLimit, Remaining(open, now), first);
            }

            if (windows.Count >= capacity)
            {
                var first = !fullReported;
                fullReported = true;
                return new WindowAdmission(WindowRefusal.Full, Remaining(byStart.Peek(), now), first);
            }

            var started = new Window(key, now);
            windows.Add(key, started);
            byStart.Enqueue(started);
            fullReported = false;
            return WindowAdmission.Admitted;
        }
    }

    private bool IsOver(Window open, long now) => clock.GetElapsedTime(open.Start, now) >= window;

    private TimeSpan Remaining(Window open, long now) => window - clock.GetElapsedTime(open.Start, now);

    private sealed class Window(TKey key, long start)
    {
        public TKey Key { get; } = key;

        public long Start { get; } = start;

        public int Uses { get; set; } = 1;

        public bool Reported { get; set; }
    }
}
