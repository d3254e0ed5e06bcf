using LegalAidReferral.Core.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Functions.Messaging;

/// <summary>
/// Every five seconds, publishes the messages saved with their changes (referral steps, protocol
/// events) through the exchange. A failed publish is logged by type only and retried on the next run.
/// </summary>
public sealed partial class RelayOutboxFunction(RelayOutbox relay, ILogger<RelayOutboxFunction> logger)
{
    public const string Schedule = "*/5 * * * * *";

    [Function("RelayOutbox")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var outcome = await relay.RunAsync(cancellationToken);
        if (outcome.Failure is { } failure)
        {
            LogHeldBack(logger, outcome.Published, failure.GetType().Name);
        }
        else if (outcome.Published > 0)
        {
            LogPublished(logger, outcome.Published);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} outbox messages")]
    private static partial void LogPublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published {Count} outbox messages; a publish failed with {ExceptionType}, its referral's later messages wait for the next run")]
    private static partial void LogHeldBack(ILogger logger, int count, string exceptionType);
}
