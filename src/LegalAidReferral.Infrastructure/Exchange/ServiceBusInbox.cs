using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// The referral subscriptions of the offices this deployment serves (<c>Exchange:ServiceBus:Offices</c>,
/// one subscription per office on the referrals topic, named by the office id), each drained in turn
/// through the topic's handler until it is empty or a drain returns fewer messages than it asked for;
/// the same offices' subscriptions of the protocol-settings topic (each receives every office's settings,
/// so a deployment serving two offices receives each message twice and keeps it once); and, in the
/// regional review, its subscription of the protocol-events topic.
/// </summary>
public sealed class ServiceBusInbox(IReadOnlyList<ServiceBusDrain> drains) : IExchangeInbox
{
    public const int MessagesPerDrain = 50;

    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    /// <param name="review">The protocol-events subscription this deployment drains into its review, and the handler; null: none.</param>
    public static ServiceBusInbox For(
        ServiceBusClient client,
        IReadOnlyList<string> offices,
        IMessageHandler referrals,
        IMessageHandler protocolSettings,
        (string Subscription, IMessageHandler Handler)? review,
        ILogger logger) =>
        new(offices
            .Select(office => new ServiceBusDrain(client.CreateReceiver(Topics.Referrals, office), Topics.Referrals, referrals, logger))
            .Concat(offices.Select(office => new ServiceBusDrain(client.CreateReceiver(Topics.ProtocolSettings, office), Topics.ProtocolSettings, protocolSettings, logger)))
            .Concat(review is { } r ? [new ServiceBusDrain(client.CreateReceiver(Topics.ProtocolEvents, r.Subscription), Topics.ProtocolEvents, r.Handler, logger)] : [])
            .ToArray());

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
