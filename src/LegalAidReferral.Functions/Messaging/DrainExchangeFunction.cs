using LegalAidReferral.Core.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Functions.Messaging;

/// <summary>
/// Every ten seconds, fetches the referral messages waiting for this deployment's offices (Service
/// Bus subscriptions) and hands them to their handler, which a ServiceBusTrigger function could call
/// unchanged. With the in-process exchange nothing waits: messages were handled when published.
/// </summary>
public sealed partial class DrainExchangeFunction(IExchangeInbox inbox, ILogger<DrainExchangeFunction> logger)
{
    public const string Schedule = "*/10 * * * * *";

    [Function("DrainExchange")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var handled = await inbox.DrainAsync(cancellationToken);
        if (handled > 0)
        {
            LogHandled(logger, handled);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {Count} exchange messages")]
    private static partial void LogHandled(ILogger logger, int count);
}
