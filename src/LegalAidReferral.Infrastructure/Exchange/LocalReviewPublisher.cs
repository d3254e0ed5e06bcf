using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// Publishes through the exchange, then hands each published protocol event to this deployment's own
/// review handlers (a page's events in batches), so a country deployment's review sees the steps its
/// offices took (the regional review drains every deployment's events from its subscription). A
/// handler that fails fails the publish of its events: the relay publishes them again (Service Bus
/// drops the duplicate, the handler de-duplicates by event id).
/// </summary>
public sealed class LocalReviewPublisher(IMessagePublisher exchange, IReadOnlyList<IMessageHandler> review) : IMessagePublisher
{
    public async Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var page = await PublishPageAsync([message], cancellationToken);
        if (page.Failure is { } failure)
        {
            throw failure;
        }
    }

    public async Task<PublishedPage> PublishPageAsync(IReadOnlyList<ExchangeMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var published = await exchange.PublishPageAsync(messages, cancellationToken);
        var accepted = published.Published.ToHashSet();
        var events = messages.Where(m => m.Topic == Topics.ProtocolEvents && accepted.Contains(m.Id)).ToArray();
        var failure = published.Failure;
        foreach (var handler in review)
        {
            foreach (var batch in events.Chunk(handler.BatchSize()))
            {
                try
                {
                    var deliveries = await handler.HandleAsync(batch, cancellationToken);
                    foreach (var (message, delivery) in batch.Zip(deliveries).Where(d => d.Second.Outcome == DeliveryOutcome.RetryLater))
                    {
                        accepted.Remove(message.Id);
                        failure ??= new MessageNotDeliveredException(message.Id, delivery.Reason ?? "retry later");
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    accepted.ExceptWith(batch.Select(m => m.Id));
                    failure ??= e;
                }
            }
        }

        return new PublishedPage([.. published.Published.Where(accepted.Contains)], failure);
    }
}
