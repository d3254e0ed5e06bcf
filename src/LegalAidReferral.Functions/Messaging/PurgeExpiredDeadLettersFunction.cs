using LegalAidReferral.Core.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Functions.Messaging;

/// <summary>Every day at 03:00 UTC, deletes the dead letters older than <see cref="PurgeExpiredDeadLetters.Retention"/>.</summary>
public sealed partial class PurgeExpiredDeadLettersFunction(PurgeExpiredDeadLetters purge, ILogger<PurgeExpiredDeadLettersFunction> logger)
{
    public const string Schedule = "0 0 3 * * *";

    [Function("PurgeExpiredDeadLetters")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var purged = await purge.RunAsync(cancellationToken);
        LogPurged(logger, purged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired dead letters")]
    private static partial void LogPurged(ILogger logger, int count);
}
