namespace LegalAidReferral.Infrastructure.Limits;

/// <summary>
/// A token bucket per key on a <see cref="TimeProvider"/>, in memory: <c>burst</c> uses at once, then one per
/// <c>refill</c>. Bounded: it holds at most <c>capacity</c> buckets, kept in the order of their last use. A bucket
/// unused for <c>burst</c> × <c>refill</c> is full again, which is the same as having none, so each call first drops
/// those from the front: its work is constant plus the buckets it drops, however many it holds. When it holds
/// <c>capacity</c> buckets used more recently than that, a new key is refused until the least recently used one is
/// full (it fails closed: a limit that stopped counting would let anyone through).
/// </summary>
public sealed class TokenBucketLimit<TKey> where TKey : notnull
{
    private readonly TimeProvider clock;
    private readonly int burst;
    private readonly TimeSpan refill;
    private readonly TimeSpan refillAll;
    private readonly int capacity;
    private readonly Dictionary<TKey, LinkedListNode<Bucket>> buckets = [];
    private readonly LinkedList<Bucket> byLastUse = new();
    private bool fullReported;

    public TokenBucketLimit(TimeProvider clock, int burst, TimeSpan refill, int capacity)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refill, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.clock = clock;
        this.burst = burst;
        this.refill = refill;
        this.capacity = capacity;
        refillAll = refill * burst;
    }

    /// <summary>
    /// Takes a token of <paramref name="key"/>'s bucket if it has one and there is room for it. A refusal's
    /// <see cref="WindowAdmission.FirstRefusal"/> is the first since the key was last admitted, or since the limit
    /// was last not full.
    /// </summary>
    public WindowAdmission TryAdmit(TKey key)
    {
        lock (byLastUse)
        {
            // Read inside the lock, so buckets stay in the order of their last use.
            var now = clock.GetTimestamp();
            while (byLastUse.First is { } oldest && clock.GetElapsedTime(oldest.Value.At, now) >= refillAll)
            {
                buckets.Remove(oldest.Value.Key);
                byLastUse.RemoveFirst();
            }

            if (buckets.TryGetValue(key, out var node))
            {
                byLastUse.Remove(node);
                byLastUse.AddLast(node);
                ref var bucket = ref node.ValueRef;
                bucket.Tokens = Math.Min(burst, bucket.Tokens + (clock.GetElapsedTime(bucket.At, now) / refill));
                bucket.At = now;
                if (bucket.Tokens >= 1)
                {
                    bucket.Tokens--;
                    bucket.Refused = false;
                    return WindowAdmission.Admitted;
                }

                var first = !bucket.Refused;
                bucket.Refused = true;
                return new WindowAdmission(WindowRefusal.OverLimit, (1 - bucket.Tokens) * refill, first);
            }

            if (buckets.Count >= capacity)
            {
                var first = !fullReported;
                fullReported = true;
                return new WindowAdmission(WindowRefusal.Full, refillAll - clock.GetElapsedTime(byLastUse.First!.Value.At, now), first);
            }

            buckets.Add(key, byLastUse.AddLast(new Bucket { Key = key, Tokens = burst - 1, At = now }));
            fullReported = false;
            return WindowAdmission.Admitted;
        }
    }

    private struct Bucket
    {
        public TKey Key;
        public double Tokens;
        public long At;
        public bool Refused;
    }
}
