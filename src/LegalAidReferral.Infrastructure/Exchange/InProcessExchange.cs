using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// The exchange of the standalone host (and of tests): every office is served by this process, so a
/// publish hands the message straight to the handlers of its topic, with the semantics of the Service
/// Bus exchange. A message is accepted once every handler has handled it or set it aside; a handler
/// that asks for a retry (or throws) fails the publish, so the relay keeps the message and publishes it
/// again later, and the handlers that had already handled it de-duplicate it. A topic without handlers
/// accepts and drops its messages, like a topic without subscriptions.
/// </summary>
public sealed class InProcessExchange(IEnumerable<IMessageHandler> handlers, IDeadLetters deadLetters, TimeProvider clock) : IMessagePublisher, IExchangeInbox
{
    private readonly ILookup<string, IMessageHandler> byTopic = handlers.ToLookup(h => h.Topic, StringComparer.Ordinal);

    /// <summary>Nothing waits to be fetched: every message was handed to its handlers when it was published.</summary>
    public Task<int> DrainAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public async Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var handler in byTopic[message.Topic])
        {
            var delivery = await handler.HandleAsync(message, cancellationToken);
            switch (delivery.Outcome)
            {
                case DeliveryOutcome.Handled:
                    break;
                case DeliveryOutcome.Rejected:
                    await deadLetters.SetAsideAsync(message, delivery.Reason ?? "rejected", clock.GetUtcNow(), cancellationToken);
                    break;
                default:
                    throw new MessageNotDeliveredException(message.Id, delivery.Reason ?? "retry later");
            }
        }
    }
}
