using LegalAidReferral.Core.Common;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Functions.Operations;

/// <summary>Every five minutes, deletes the Idempotency-Key records past their retention (<c>Idempotency:Retention</c>).</summary>
public sealed partial class PurgeExpiredIdempotencyKeysFunction(PurgeExpiredIdempotencyKeys purge, ILogger<PurgeExpiredIdempotencyKeysFunction> logger)
{
    public const string Schedule = "0 */5 * * * *";

    [Function("PurgeExpiredIdempotencyKeys")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var purged = await purge.RunAsync(cancellationToken);
        LogPurged(logger, purged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired idempotency keys")]
    private static partial void LogPurged(ILogger logger, int count);
}
