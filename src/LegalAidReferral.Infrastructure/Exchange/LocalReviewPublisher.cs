using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// Publishes through the exchange, then hands each published protocol event to this deployment's own
/// review handlers, so a country deployment's review sees the steps its offices took (the regional
/// review drains every deployment's events from its subscription). A handler that fails fails the
/// publish: the relay publishes the message again (Service Bus drops the duplicate, the handler
/// de-duplicates by event id).
/// </summary>
public sealed class LocalReviewPublisher(IMessagePublisher exchange, IReadOnlyList<IMessageHandler> review) : IMessagePublisher
{
    public async Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await exchange.PublishAsync(message, cancellationToken);
        if (message.Topic != Topics.ProtocolEvents)
        {
            return;
        }

        foreach (var handler in review)
        {
            var delivery = await handler.HandleAsync(message, cancellationToken);
            if (delivery.Outcome == DeliveryOutcome.RetryLater)
            {
                throw new MessageNotDeliveredException(message.Id, delivery.Reason ?? "retry later");
            }
        }
    }
}
