using LegalAidReferral.Infrastructure.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>
/// A token bucket per conversation on the host's <see cref="TimeProvider"/>: a burst of
/// <see cref="BotFrameworkOptions.TurnBurst"/> turns, then <see cref="BotFrameworkOptions.TurnsPerMinute"/>. Per
/// instance: a scaled-out app admits that much per instance. Conversations are kept by a hash of channel and
/// conversation id (<see cref="HashedKey"/>), at most <see cref="BotFrameworkOptions.MaxThrottledConversations"/> at a
/// time (<see cref="TokenBucketLimit{TKey}"/>): a conversation idle long enough to refill its bucket is forgotten, and
/// beyond that many a new conversation's turns are refused until the least recently used one has refilled; the first
/// such refusal is logged, with the numbers only.
/// </summary>
public sealed partial class ConversationThrottle
{
    private readonly TokenBucketLimit<UInt128> buckets;
    private readonly BotFrameworkOptions limits;
    private readonly ILogger<ConversationThrottle> logger;

    public ConversationThrottle(IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<ConversationThrottle> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        limits = options.Value;
        this.logger = logger;
        buckets = new TokenBucketLimit<UInt128>(
            time, limits.TurnBurst, TimeSpan.FromMinutes(1) / limits.TurnsPerMinute, limits.MaxThrottledConversations);
    }

    /// <summary>Null when the turn may go ahead; otherwise how long until the conversation may take one.</summary>
    public TimeSpan? Admit(string channelId, string conversationId)
    {
        var admission = buckets.TryAdmit(HashedKey.Of(channelId, conversationId));
        if (admission.IsAdmitted)
        {
            return null;
        }

        if (admission is { Refusal: WindowRefusal.Full, FirstRefusal: true })
        {
            LogFull(logger, limits.MaxThrottledConversations, limits.TurnBurst * 60.0 / limits.TurnsPerMinute);
        }

        return admission.RetryAfter;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat turns refused to new conversations: {MaxConversations} conversations took a turn in the last {RefillSeconds} s")]
    private static partial void LogFull(ILogger logger, int maxConversations, double refillSeconds);
}
