namespace LegalAidReferral.Core.Review;

/// <summary>
/// The log-scale buckets the aggregates count durations in, so medians and 90th percentiles come
/// from counts that add up across cells instead of from every raw duration. Bucket 0 holds
/// durations under a minute; bucket <c>i</c> &gt; 0 holds <c>[G^(i-1), G^i)</c> minutes with
/// <c>G</c> = <see cref="Growth"/>. A percentile is reported as its bucket's geometric midpoint,
/// which is within 2.5% of the exact nearest-rank value (or 0 under a minute).
/// </summary>
public static class DurationBuckets
{
    public const double Growth = 1.05;

    /// <summary>The last bucket: 1.05^599 minutes is beyond any deadline; longer durations are counted in it.</summary>
    public const int Last = 600;

    private static readonly double LogGrowth = Math.Log(Growth);

    public static int Of(TimeSpan duration)
    {
        var minutes = duration.TotalMinutes;
        return minutes < 1 ? 0 : Math.Min(Last, 1 + (int)Math.Floor(Math.Log(minutes) / LogGrowth));
    }

    /// <summary>The hours reported for a percentile that falls in <paramref name="bucket"/>.</summary>
    public static double Hours(int bucket) => bucket == 0 ? 0 : Math.Pow(Growth, bucket - 0.5) / 60;

    /// <summary>
    /// The nearest-rank <paramref name="percentile"/> (0 to 1) of the durations counted in
    /// <paramref name="counts"/> (bucket to count), as a bucket; null when there are none.
    /// </summary>
    public static int? Percentile(IReadOnlyDictionary<int, long> counts, double percentile)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile * total));
        var seen = 0L;
        foreach (var (bucket, count) in counts.OrderBy(c => c.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return bucket;
            }
        }

        return null;
    }
}
