using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// The referral subscriptions of the offices this deployment serves (<c>Exchange:ServiceBus:Offices</c>,
/// one subscription per office on the referrals topic, named by the office id), each drained in turn
/// through the topic's handler until it is empty or a drain returns fewer messages than it asked for.
/// </summary>
public sealed class ServiceBusInbox(IReadOnlyList<ServiceBusDrain> drains) : IExchangeInbox
{
    public const int MessagesPerDrain = 50;

    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    public static ServiceBusInbox For(ServiceBusClient client, IEnumerable<string> offices, IMessageHandler referrals, ILogger logger) =>
        new(offices.Select(office => new ServiceBusDrain(client.CreateReceiver(Topics.Referrals, office), Topics.Referrals, referrals, logger)).ToArray());

    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var drain in drains)
        {
            ServiceBusDrain.Outcome outcome;
            do
            {
                outcome = await drain.DrainAsync(MessagesPerDrain, MaxWait, cancellationToken);
                handled += outcome.Completed + outcome.Abandoned + outcome.DeadLettered;
            }
            while (outcome.Completed + outcome.Abandoned + outcome.DeadLettered == MessagesPerDrain && outcome.Abandoned == 0);
        }

        return handled;
    }
}
