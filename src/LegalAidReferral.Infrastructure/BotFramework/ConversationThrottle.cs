using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>
/// A token bucket per conversation on the host's <see cref="TimeProvider"/>: a burst of turns, then
/// <see cref="BotFrameworkOptions.TurnsPerMinute"/>. Per instance: a scaled-out app admits that much
/// per instance. Buckets that have refilled are dropped once there are many, so idle conversations
/// hold no memory.
/// </summary>
public sealed class ConversationThrottle(IOptions<BotFrameworkOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    /// <summary>Null when the turn may go ahead; otherwise how long until the conversation may take one.</summary>
    public TimeSpan? Admit(string channelId, string conversationId)
    {
        var limits = options.Value;
        var secondsPerTurn = 60.0 / limits.TurnsPerMinute;
        var now = time.GetTimestamp();
        if (buckets.Count > PruneAbove)
        {
            Prune(now, secondsPerTurn, limits.TurnBurst);
        }

        var bucket = buckets.GetOrAdd($"{channelId}\n{conversationId}", _ => new Bucket(limits.TurnBurst, now));
        lock (bucket)
        {
            bucket.Refill(now, time, secondsPerTurn, limits.TurnBurst);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens--;
                return null;
            }

            return TimeSpan.FromSeconds((1 - bucket.Tokens) * secondsPerTurn);
        }
    }

    private void Prune(long now, double secondsPerTurn, int burst)
    {
        foreach (var (key, bucket) in buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, time, secondsPerTurn, burst);
                if (bucket.Tokens >= burst)
                {
                    buckets.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;

        public void Refill(long now, TimeProvider time, double secondsPerTurn, int burst)
        {
            Tokens = Math.Min(burst, Tokens + (time.GetElapsedTime(at, now).TotalSeconds / secondsPerTurn));
            at = now;
        }
    }
}
