using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// Admits or refuses a request by its caller's token bucket: the token's user id on routes that need
/// a token, the client address otherwise. A refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// The BCL limiters read the system clock, not a <see cref="TimeProvider"/>; tests use limits that
/// cannot refill while they run. Buckets are refilled every 100 ms by the partitioned limiter's
/// timer, and a bucket left full for a while is dropped, so idle callers hold no memory.
/// </remarks>
public sealed class RequestThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<Partition> limiter;

    public RequestThrottle(IOptions<ThrottlingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var callers = Bucket(options.Value.PermitsPerSecond, options.Value.Burst);
        var addresses = Bucket(options.Value.AnonymousPermitsPerSecond, options.Value.AnonymousBurst);
        limiter = PartitionedRateLimiter.Create<Partition, Partition>(partition =>
            RateLimitPartition.GetTokenBucketLimiter(partition, p => p.ByAddress ? addresses : callers));
    }

    /// <summary>
    /// Null when the request may go ahead; otherwise the 429 to answer, with <c>Retry-After</c>
    /// already set on the response.
    /// </summary>
    /// <param name="callerId">The authenticated user's id, or null to count the request against its client address.</param>
    public ProblemResult? Admit(HttpContext context, string? callerId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var partition = callerId is null ? new Partition(true, Address(context)) : new Partition(false, callerId);
        using var lease = limiter.AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return null;
        }

        return ProblemResult.TooManyRequests(
            context.Response, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
    }

    public void Dispose() => limiter.Dispose();

    private static string Address(HttpContext context) => ClientAddress.Of(context, [])?.ToString() ?? "unknown";

    /// <summary>
    /// A rate below one permit a second (e.g. in tests) becomes one permit per longer period; the
    /// bucket is refilled by the partitioned limiter's timer, not a timer per caller.
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(double permitsPerSecond, int burst)
    {
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(permitsPerSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / permitsPerSecond),
            AutoReplenishment = false,
            QueueLimit = 0,
        };
    }

    private readonly record struct Partition(bool ByAddress, string Id);
}
