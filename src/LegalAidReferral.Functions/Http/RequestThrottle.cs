using LegalAidReferral.Infrastructure.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// Admits or refuses a request by its caller's token bucket, on the host's <see cref="TimeProvider"/>: the token's
/// user id on routes that need a token, the client address otherwise (an IPv6 address by its /64, which one
/// subscriber usually holds whole). A refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// Per instance, in memory, in two bounded <see cref="TokenBucketLimit{TKey}"/>s (callers by a hash of their id,
/// addresses by a hash of the address): a bucket unused long enough to refill is forgotten, and each holds at most
/// <see cref="ThrottlingOptions.MaxBuckets"/>; beyond, a new caller or address is refused until the least recently
/// used bucket has refilled, and the first such refusal is logged with the numbers only.
/// </remarks>
public sealed partial class RequestThrottle
{
    private readonly TokenBucketLimit<UInt128> callers;
    private readonly TokenBucketLimit<UInt128> addresses;
    private readonly int maxBuckets;
    private readonly ILogger<RequestThrottle> logger;

    public RequestThrottle(IOptions<ThrottlingOptions> options, TimeProvider time, ILogger<RequestThrottle> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        maxBuckets = limits.MaxBuckets;
        this.logger = logger;
        callers = new TokenBucketLimit<UInt128>(time, limits.Burst, TimeSpan.FromSeconds(1 / limits.PermitsPerSecond), maxBuckets);
        addresses = new TokenBucketLimit<UInt128>(
            time, limits.AnonymousBurst, TimeSpan.FromSeconds(1 / limits.AnonymousPermitsPerSecond), maxBuckets);
    }

    /// <summary>
    /// Null when the request may go ahead; otherwise the 429 to answer, with <c>Retry-After</c>
    /// already set on the response.
    /// </summary>
    /// <param name="callerId">The authenticated user's id, or null to count the request against its client address.</param>
    public ProblemResult? Admit(HttpContext context, string? callerId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var admission = callerId is null
            ? addresses.TryAdmit(HashedKey.Of("address", Address(context)))
            : callers.TryAdmit(HashedKey.Of("caller", callerId));
        if (admission.IsAdmitted)
        {
            return null;
        }

        if (admission is { Refusal: WindowRefusal.Full, FirstRefusal: true })
        {
            LogFull(logger, callerId is null ? "client addresses" : "callers", maxBuckets);
        }

        return ProblemResult.TooManyRequests(context.Response, admission.RetryAfter);
    }

    private static string Address(HttpContext context) =>
        ClientAddress.Of(context, []) is { } address ? ClientAddress.Subscriber(address).ToString() : "unknown";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Requests of new {Whom} refused: the throttle holds {MaxBuckets} buckets in use")]
    private static partial void LogFull(ILogger logger, string whom, int maxBuckets);
}
